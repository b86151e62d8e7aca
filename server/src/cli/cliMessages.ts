import { defineCatalog } from '../core/l10n';

/** Messages of the `podline` command line. */
export const cliMessages = defineCatalog(
  {
    usage:
      'Usage: podline <command> [options]\n\nCommands:\n  check [--format text|json|sarif] [--kubernetes-version X.Y] [--locale en|zh-CN] <files or folders...>\n      Validate Kubernetes Jobs, CronJobs and DaemonSets (for the newest Kubernetes Podline ships unless --kubernetes-version says otherwise). Exit code 0: no errors; 1: errors found; 2: usage or I/O problem.\n  cron <schedule> [--time-zone Z] [--from ISO-8601] [--count N] [--locale en|zh-CN] [--format text|json]\n      Explain a CronJob schedule as Kubernetes reads it and list its next runs.\n  preview <file> [--document N] [--kubernetes-version X.Y] [--locale en|zh-CN]\n      Print the objects the controllers would create from a workload (its pods, its Jobs), defaults applied.\n  simulate <file> [--document N] [--scenario file] [--seed N] [--format text|json|html] [--out file.html] [--locale en|zh-CN]\n      Simulate the Job, CronJob or DaemonSet controller on a workload and show the timeline of its pods.\n  help     Show this help.\n  version  Show the version.\n',
    unknownCommand: "podline: unknown command '{command}'. Run 'podline help'.",
    unknownOption: "podline: unknown option '{option}'. Run 'podline help'.",
    missingValue: "podline: option '{option}' needs a value.",
    badValue: "podline: {option} must be one of {allowed}, not '{value}'.",
    noFiles: 'podline check: name at least one file or folder.',
    cannotRead: "podline: cannot read '{path}': {reason}",
    noYamlFiles: "podline check: no .yaml or .yml files in '{path}'.",
    summary: '{errors} error(s), {warnings} warning(s) in {files} file(s) checked.',
  },
  {
    usage:
      '用法：podline <命令> [选项]\n\n命令：\n  check [--format text|json|sarif] [--kubernetes-version X.Y] [--locale en|zh-CN] <文件或文件夹...>\n      校验 Kubernetes Job、CronJob 和 DaemonSet（默认按 Podline 附带的最新 Kubernetes 版本，可用 --kubernetes-version 指定）。退出码 0：无错误；1：发现错误；2：用法或读写问题。\n  cron <调度> [--time-zone 时区] [--from ISO-8601] [--count N] [--locale en|zh-CN] [--format text|json]\n      按 Kubernetes 的方式解释 CronJob 调度，并列出接下来的运行时间。\n  preview <文件> [--document N] [--kubernetes-version X.Y] [--locale en|zh-CN]\n      输出控制器将根据工作负载创建的对象（Pod、Job），并应用默认值。\n  simulate <文件> [--document N] [--scenario 文件] [--seed N] [--format text|json|html] [--out 文件.html] [--locale en|zh-CN]\n      模拟 Job、CronJob 或 DaemonSet 控制器处理该工作负载的过程，并显示 Pod 时间线。\n  help     显示此帮助。\n  version  显示版本。\n',
    unknownCommand: "podline：未知命令 '{command}'。请运行 'podline help'。",
    unknownOption: "podline：未知选项 '{option}'。请运行 'podline help'。",
    missingValue: "podline：选项 '{option}' 需要一个值。",
    badValue: "podline：{option} 只能是 {allowed}，而不是 '{value}'。",
    noFiles: 'podline check：请至少指定一个文件或文件夹。',
    cannotRead: "podline：无法读取 '{path}'：{reason}",
    noYamlFiles: "podline check：'{path}' 中没有 .yaml 或 .yml 文件。",
    summary: '共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告。',
  },
);
