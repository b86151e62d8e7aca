import { defineCatalog } from '../l10n';

/** Messages of the simulator: scenario errors, run notes and truncation reasons. */
export const simulatorMessages = defineCatalog(
  {
    yamlSyntax: 'YAML syntax error: {detail}',
    scenarioTooLarge: 'The scenario is larger than {limit} characters; a scenario is read up to 2 MiB',
    scenarioTooDeep: 'The scenario nests too deep to be read',
    scenarioAliasing: 'The scenario’s YAML aliases expand to too many nodes',
    scenarioBinary: 'The scenario is not text',
    scenarioKey: 'A key in the scenario is not a plain value',
    duplicateKey: "duplicate key '{key}'",
    notMap: '{path} must be a mapping',
    notList: '{path} must be a list',
    unknownField: "unknown field '{path}'; expected one of: {allowed}",
    required: '{path} is required',
    notString: '{path} must be a string',
    notBoolean: '{path} must be true or false',
    notInteger: '{path} must be a whole number from {min} to {max}, not {value}',
    notNumber: '{path} must be a number from {min} to {max}, not {value}',
    badDuration:
      "{path}: '{value}' is not a duration; write seconds (90) or a duration such as 500ms, 30s, 1m30s, 2h, 1d or 1w",
    badInstant: "{path}: '{value}' is not an instant; write an RFC 3339 time such as 2026-01-05T00:00:00Z",
    badTime: "{path}: '{value}' is neither an offset from the start (90, 1m30s) nor an RFC 3339 instant",
    beforeStart: '{path} is before the scenario start',
    badTimeZone: "{path}: unknown time zone '{value}' (use an IANA name such as UTC or Asia/Shanghai)",
    badEnum: "{path} must be one of {allowed}, not '{value}'",
    minAboveMax: '{path}: min must not be greater than max',
    badIntegerSet: "{path}: '{value}' is not a number or a range such as 2-5",
    badDistribution: '{path} must be a duration, or a mapping with min and max, or a distribution',
    duplicateNode: "node '{node}' is declared twice",
    tooManyNodes: 'a scenario declares at most {limit} nodes in all; this entry would go beyond that',
    unknownNode: "no node named '{node}' exists at this point of the scenario",
    emptySelector: '{path} must name the pods: pod, podName, index, node or job',
    badLabelKey: "{path}: '{value}' is not a valid label key",
    eventNotForKind: "event '{event}' does not apply to a {kind}",
    // Run notes.
    apiRejects:
      'The API server would reject this manifest ({count} error(s)); the simulation shows what would happen if it were accepted.',
    yamlErrors: 'The document has {count} YAML syntax error(s); the simulation uses what could be read.',
    notManaged:
      "spec.managedBy is '{managedBy}': the built-in Job controller leaves this Job to another controller, so nothing happens.",
    unknownCompletionMode: "completionMode '{mode}' is unknown: the Job controller does nothing.",
    restartPolicyAlways:
      'restartPolicy must be OnFailure or Never for a Job; the API server rejects this manifest, so there is nothing to simulate.',
    noWorkload: 'Document {document} is not a Job, CronJob or DaemonSet.',
    noSuchDocument: 'The file has no document {document}.',
    invalidNumber: '{path} is not a usable number ({value}); the simulation uses {used}.',
    indexedTooLarge:
      'An Indexed Job may have at most 100000 completions; the simulation stops at the API server limit.',
    unparseableSchedule: 'The schedule cannot be parsed; the controller creates no Jobs.',
    eventNoMatch: "At {time}: event '{event}' (scenario line {line}) matched no live pod.",
    eventNoNode: "At {time}: event '{event}' (scenario line {line}): node '{node}' does not exist.",
    eventIgnored: "At {time}: event '{event}' (scenario line {line}) changed nothing.",
    timelineCappedPods:
      'The timeline keeps the first {kept} pods; {omitted} more are counted in the summary but not listed.',
    timelineCappedJobs:
      'The timeline keeps the first {kept} Jobs; {omitted} more are counted in the summary but not listed.',
    timelineCappedEvents:
      'The timeline keeps the first {kept} events; {omitted} more are counted in the summary but not listed.',
    timelineCappedStatus:
      'The timeline keeps the first {kept} status samples; {omitted} more are counted in the summary but not listed.',
    timelineCappedNodes: 'The timeline lists the first {kept} nodes; {omitted} more took part in the run.',
    timelineBudgetSpent:
      'The timeline lists at most {entries} entries in all (events, pods and their container runs, Jobs, status samples, nodes); from {time} on, {omitted} more were left out.',
    // Truncation reasons.
    truncatedEvents:
      'The run processed {limit} events (limits.maxEvents) and stopped at {time}; the counters are exact up to that point.',
    truncatedDuration:
      'The run reached {limit} of virtual time (limits.maxDuration) and stopped; the counters are exact up to that point.',
    truncatedPods:
      'The run created {limit} pods (limits.maxPods) and stopped at {time}; the counters are exact up to that point.',
    truncatedHorizon:
      'The horizon ({horizon}) is longer than limits.maxDuration ({limit}), and a CronJob keeps scheduling until its horizon, so the run could only end at a limit; it stopped at {time}, as soon as nothing could end it sooner. Shorten the horizon or raise limits.maxDuration.',
    truncatedCompletions:
      'The Job needs {count} completions, a pod each, more than limits.maxPods ({limit}) allows in the whole run, and nothing in the scenario can fail or stop it, so the run could only end at that limit; it stopped at {time} instead of creating the pods first. Lower completions or raise limits.maxPods.',
  },
  {
    yamlSyntax: 'YAML 语法错误：{detail}',
    scenarioTooLarge: '场景文件超过 {limit} 个字符；场景最多读取 2 MiB',
    scenarioTooDeep: '场景嵌套过深，无法读取',
    scenarioAliasing: '场景中的 YAML 别名展开后节点过多',
    scenarioBinary: '场景文件不是文本',
    scenarioKey: '场景中有一个键不是普通值',
    duplicateKey: "重复的键 '{key}'",
    notMap: '{path} 必须是映射（mapping）',
    notList: '{path} 必须是列表',
    unknownField: "未知字段 '{path}'；可用字段：{allowed}",
    required: '缺少必填字段 {path}',
    notString: '{path} 必须是字符串',
    notBoolean: '{path} 必须是 true 或 false',
    notInteger: '{path} 必须是 {min} 到 {max} 之间的整数，而不是 {value}',
    notNumber: '{path} 必须是 {min} 到 {max} 之间的数字，而不是 {value}',
    badDuration: "{path}：'{value}' 不是时长；请写秒数（90）或时长，例如 500ms、30s、1m30s、2h、1d 或 1w",
    badInstant: "{path}：'{value}' 不是时间点；请写 RFC 3339 时间，例如 2026-01-05T00:00:00Z",
    badTime: "{path}：'{value}' 既不是相对开始时间的偏移（90、1m30s），也不是 RFC 3339 时间点",
    beforeStart: '{path} 早于场景开始时间',
    badTimeZone: "{path}：未知时区 '{value}'（请使用 IANA 名称，例如 UTC 或 Asia/Shanghai）",
    badEnum: "{path} 只能是 {allowed}，而不是 '{value}'",
    minAboveMax: '{path}：min 不能大于 max',
    badIntegerSet: "{path}：'{value}' 不是数字，也不是 2-5 这样的范围",
    badDistribution: '{path} 必须是时长、带 min 和 max 的映射，或一个分布',
    duplicateNode: "节点 '{node}' 被声明了两次",
    tooManyNodes: '一个场景总共最多声明 {limit} 个节点；这一项会超出这个数目',
    unknownNode: "在场景的这一时刻不存在名为 '{node}' 的节点",
    emptySelector: '{path} 必须指明 Pod：pod、podName、index、node 或 job',
    badLabelKey: "{path}：'{value}' 不是有效的标签键",
    eventNotForKind: "事件 '{event}' 不适用于 {kind}",
    apiRejects: 'API 服务器会拒绝这个清单（{count} 个错误）；模拟展示的是假如它被接受时会发生什么。',
    yamlErrors: '该文档有 {count} 个 YAML 语法错误；模拟使用能够读取的部分。',
    notManaged:
      "spec.managedBy 为 '{managedBy}'：内置的 Job 控制器把这个 Job 交给其他控制器处理，因此什么也不会发生。",
    unknownCompletionMode: "completionMode '{mode}' 未知：Job 控制器不做任何事。",
    restartPolicyAlways:
      'Job 的 restartPolicy 只能是 OnFailure 或 Never；API 服务器会拒绝这个清单，因此没有可模拟的内容。',
    noWorkload: '第 {document} 个文档不是 Job、CronJob 或 DaemonSet。',
    noSuchDocument: '文件中没有第 {document} 个文档。',
    invalidNumber: '{path} 不是可用的数字（{value}）；模拟使用 {used}。',
    indexedTooLarge: 'Indexed Job 最多有 100000 个 completions；模拟在 API 服务器的上限处停止。',
    unparseableSchedule: '调度表达式无法解析；控制器不会创建任何 Job。',
    eventNoMatch: "{time}：事件 '{event}'（场景第 {line} 行）没有匹配到存活的 Pod。",
    eventNoNode: "{time}：事件 '{event}'（场景第 {line} 行）：节点 '{node}' 不存在。",
    eventIgnored: "{time}：事件 '{event}'（场景第 {line} 行）没有改变任何东西。",
    timelineCappedPods: '时间线只保留前 {kept} 个 Pod；其余 {omitted} 个计入摘要，但不逐一列出。',
    timelineCappedJobs: '时间线只保留前 {kept} 个 Job；其余 {omitted} 个计入摘要，但不逐一列出。',
    timelineCappedEvents: '时间线只保留前 {kept} 个事件；其余 {omitted} 个计入摘要，但不逐一列出。',
    timelineCappedStatus: '时间线只保留前 {kept} 个状态采样；其余 {omitted} 个计入摘要，但不逐一列出。',
    timelineCappedNodes: '时间线只列出前 {kept} 个节点；另有 {omitted} 个节点参与了运行。',
    timelineBudgetSpent:
      '时间线总共最多列出 {entries} 个条目（事件、Pod 及其容器运行、Job、状态采样、节点）；从 {time} 起，另有 {omitted} 个未列出。',
    truncatedEvents: '运行处理了 {limit} 个事件（limits.maxEvents），在 {time} 停止；此前的计数是精确的。',
    truncatedDuration: '运行达到了 {limit} 的虚拟时间（limits.maxDuration）并停止；此前的计数是精确的。',
    truncatedPods: '运行创建了 {limit} 个 Pod（limits.maxPods），在 {time} 停止；此前的计数是精确的。',
    truncatedHorizon:
      'horizon（{horizon}）超过了 limits.maxDuration（{limit}），而 CronJob 会一直调度到 horizon，所以运行只能在某个限制处结束；运行在 {time} 停止，此时已没有任何事情能让它更早结束。请缩短 horizon 或调高 limits.maxDuration。',
    truncatedCompletions:
      '该 Job 需要 {count} 次完成，每次完成都要一个 Pod，超过了整个运行允许的 limits.maxPods（{limit}），而场景中没有任何事情能让它失败或停止，所以运行只能在该限制处结束；运行在 {time} 停止，而不是先创建这些 Pod。请降低 completions 或调高 limits.maxPods。',
  },
);

/** A key of the simulator's message catalog. */
export type SimulatorMessageKey = keyof (typeof simulatorMessages)['en'];
