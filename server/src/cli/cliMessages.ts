import { defineCatalog } from '../core/l10n';

/** Messages of the `podline` command line. */
export const cliMessages = defineCatalog(
  {
    usage:
      'Usage: podline <command> [options]\n\nCommands:\n  check [--format text|json|sarif|github|junit] [--fail-on error|warning|info] [--quiet] [--summary] [--kubernetes-version X.Y] [--max-file-size SIZE] [--locale en|zh-CN] <files, folders or - ...>\n      Validate Kubernetes Jobs, CronJobs and DaemonSets (for the newest Kubernetes Podline ships unless --kubernetes-version says otherwise). "-" reads a stream of documents from standard input, such as the output of helm template or kustomize build; a finding after a "# Source:" comment is reported at that template. Exit code 0: no errors; 1: errors found (or, with --fail-on warning or info, findings that severe); 2: a usage problem, or a file not checked (unreadable, not a regular file, over --max-file-size, 2 MiB by default). --quiet reports errors only; --summary ends the output with one line of counts (on stderr for json, sarif and junit).\n  cron <schedule> [--time-zone Z] [--from ISO-8601] [--count N] [--locale en|zh-CN] [--format text|json]\n      Explain a CronJob schedule as Kubernetes reads it and list its next runs.\n  preview <file> [--document N] [--kubernetes-version X.Y] [--locale en|zh-CN]\n      Print the objects the controllers would create from a workload (its pods, its Jobs), defaults applied.\n  simulate <file> [--document N] [--scenario file] [--seed N] [--format text|json|html] [--out file.html [--force]] [--locale en|zh-CN]\n      Simulate the Job, CronJob or DaemonSet controller on a workload and show the timeline of its pods. --out never writes over a manifest, a scenario or any file but a timeline page Podline wrote, and that only with --force.\n  help     Show this help.\n  version  Show the version.\n',
    unknownCommand: "podline: unknown command '{command}'. Run 'podline help'.",
    unknownOption: "podline: unknown option '{option}'. Run 'podline help'.",
    missingValue: "podline: option '{option}' needs a value.",
    badValue: "podline: {option} must be one of {allowed}, not '{value}'.",
    noFiles: 'podline check: name at least one file or folder.',
    cannotRead: "podline: cannot read '{path}': {reason}",
    noYamlFiles: "podline check: no .yaml or .yml files in '{path}'.",
    summary: '{errors} error(s), {warnings} warning(s) in {files} file(s) checked.',
    summaryAll:
      '{errors} error(s), {warnings} warning(s), {notes} info or hint finding(s) in {files} file(s) checked.',
    quietFailOn:
      'podline check: --quiet shows errors only, so it cannot be used with --fail-on {level}: the run would fail on findings it does not show.',
    notChecked: 'podline check: {count} file(s) not checked (exit code 2).',
    skippedLink: "podline check: skipped '{path}': symbolic links inside a folder are not followed.",
    skippedFolder: "podline check: skipped the folder '{path}': it cannot be read.",
    stdinIsTerminal:
      "podline check: '-' reads the documents from standard input, which is a terminal here; pipe them in instead, for example: helm template . | podline check -",
    stdinEmpty:
      'podline check: standard input is empty, so nothing was checked (did the command before the pipe fail? `set -o pipefail` makes the shell say so).',
    badMaxFileSize:
      "podline: --max-file-size must be a size in bytes from {min} to {max} (512K and 4M also work), not '{value}'.",
  },
  {
    usage:
      '用法：podline <命令> [选项]\n\n命令：\n  check [--format text|json|sarif|github|junit] [--fail-on error|warning|info] [--quiet] [--summary] [--kubernetes-version X.Y] [--max-file-size 大小] [--locale en|zh-CN] <文件、文件夹或 - ...>\n      校验 Kubernetes Job、CronJob 和 DaemonSet（默认按 Podline 附带的最新 Kubernetes 版本，可用 --kubernetes-version 指定）。“-”从标准输入读取文档流，例如 helm template 或 kustomize build 的输出；“# Source:”注释之后的问题报告在该模板上。退出码 0：无错误；1：发现错误（使用 --fail-on warning 或 info 时，也包括该级别及以上的问题）；2：用法问题，或有文件未检查（无法读取、不是普通文件、超过 --max-file-size，默认 2 MiB）。--quiet 只报告错误；--summary 在输出末尾加一行计数（json、sarif 和 junit 格式写到 stderr）。\n  cron <调度> [--time-zone 时区] [--from ISO-8601] [--count N] [--locale en|zh-CN] [--format text|json]\n      按 Kubernetes 的方式解释 CronJob 调度，并列出接下来的运行时间。\n  preview <文件> [--document N] [--kubernetes-version X.Y] [--locale en|zh-CN]\n      输出控制器将根据工作负载创建的对象（Pod、Job），并应用默认值。\n  simulate <文件> [--document N] [--scenario 文件] [--seed N] [--format text|json|html] [--out 文件.html [--force]] [--locale en|zh-CN]\n      模拟 Job、CronJob 或 DaemonSet 控制器处理该工作负载的过程，并显示 Pod 时间线。--out 不会覆盖清单、场景文件或任何文件，只有 Podline 写过的时间线页面可以用 --force 覆盖。\n  help     显示此帮助。\n  version  显示版本。\n',
    unknownCommand: "podline：未知命令 '{command}'。请运行 'podline help'。",
    unknownOption: "podline：未知选项 '{option}'。请运行 'podline help'。",
    missingValue: "podline：选项 '{option}' 需要一个值。",
    badValue: "podline：{option} 只能是 {allowed}，而不是 '{value}'。",
    noFiles: 'podline check：请至少指定一个文件或文件夹。',
    cannotRead: "podline：无法读取 '{path}'：{reason}",
    noYamlFiles: "podline check：'{path}' 中没有 .yaml 或 .yml 文件。",
    summary: '共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告。',
    summaryAll: '共检查 {files} 个文件：{errors} 个错误，{warnings} 个警告，{notes} 个信息或提示。',
    quietFailOn:
      'podline check：--quiet 只显示错误，因此不能与 --fail-on {level} 同用：运行会因未显示的问题而失败。',
    notChecked: 'podline check：有 {count} 个文件未检查（退出码 2）。',
    skippedLink: "podline check：已跳过 '{path}'：不跟随文件夹中的符号链接。",
    skippedFolder: "podline check：已跳过文件夹 '{path}'：无法读取。",
    stdinIsTerminal:
      "podline check：'-' 从标准输入读取文档，而这里的标准输入是终端；请改用管道输入，例如：helm template . | podline check -",
    stdinEmpty:
      'podline check：标准输入为空，未检查任何内容（管道前的命令是否失败了？`set -o pipefail` 可让 shell 报告此类失败）。',
    badMaxFileSize:
      "podline：--max-file-size 必须是 {min} 到 {max} 之间的字节数（也可写 512K、4M），而不是 '{value}'。",
  },
);
