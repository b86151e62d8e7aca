import { defineCatalog } from '../l10n';

/** Messages for problems found while reading a file, before any Kubernetes rule runs. */
export const analysisMessages = defineCatalog(
  {
    syntax: 'YAML syntax error: {detail}',
    syntaxColonInPlainValue: 'YAML syntax error: a plain value cannot contain ": "; quote the value',
    syntaxImplicitKey: 'YAML syntax error: this line is not a "key: value" pair',
    syntaxTab: 'YAML syntax error: tabs cannot indent YAML; use spaces',
    syntaxUnquotedAlias:
      'YAML syntax error: a plain value cannot start with "*" (YAML reads an alias); quote the value, as in "*/5 * * * *"',
    duplicateKey:
      'Duplicate key "{key}" (first on line {line}): `kubectl apply -f` silently keeps the last value; kustomize, Flux and Argo CD reject the file',
    nonScalarKey: 'Map keys must be strings: Kubernetes cannot decode a complex key',
    tooDeep: 'Nesting deeper than {depth} levels: Podline does not analyse past this point',
    excessiveAliasing:
      'Excessive aliasing: expanding this document would create {nodes} nodes, which Kubernetes rejects',
    tooManyProblems: '{count} more YAML syntax errors are not shown',
    tooLarge: 'File too large to analyse ({size} > {limit}); raise podline.maxFileSize to analyse it',
    binary: 'This file is not text (it contains binary data); Podline does not analyse it',
    internal: 'Podline could not analyse this file: {detail}',
    template: 'This file is a template ({marker}), not a manifest: render it first and check the output',
  },
  {
    syntax: 'YAML 语法错误：{detail}',
    syntaxColonInPlainValue: 'YAML 语法错误：未加引号的值不能包含 ": "，请给值加引号',
    syntaxImplicitKey: 'YAML 语法错误：这一行不是 "键: 值" 形式',
    syntaxTab: 'YAML 语法错误：YAML 不能用制表符缩进，请使用空格',
    syntaxUnquotedAlias:
      'YAML 语法错误：未加引号的值不能以 "*" 开头（YAML 会把它读成别名），请给值加引号，例如 "*/5 * * * *"',
    duplicateKey:
      '重复的键 "{key}"（首次出现在第 {line} 行）：`kubectl apply -f` 会静默保留最后一个值；kustomize、Flux 和 Argo CD 会拒绝该文件',
    nonScalarKey: '映射的键必须是字符串：Kubernetes 无法解码复杂键',
    tooDeep: '嵌套超过 {depth} 层：Podline 不再分析更深的内容',
    excessiveAliasing: '别名过多：展开此文档将产生 {nodes} 个节点，Kubernetes 会拒绝它',
    tooManyProblems: '还有 {count} 个 YAML 语法错误未显示',
    tooLarge: '文件过大，无法分析（{size} > {limit}）；可调大 podline.maxFileSize 后再分析',
    binary: '此文件不是文本（包含二进制数据），Podline 不分析它',
    internal: 'Podline 无法分析此文件：{detail}',
    template: '此文件是模板（{marker}），不是清单：请先渲染模板，再检查输出结果',
  },
);
