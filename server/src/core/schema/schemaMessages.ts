import { defineCatalog } from '../l10n';

/**
 * Messages of schema validation (strict decoding, types, enums, required fields, API versions)
 * and of the Kubernetes version override. `{expected}` and `{actual}` are filled from the
 * `expected*` and `actual*` fragments of the same catalog.
 */
export const schemaMessages = defineCatalog(
  {
    unknownField: 'unknown field "{path}"',
    unknownFieldRemoved:
      'unknown field "{path}": Kubernetes {version} no longer has it (last seen in {lastVersion})',
    fieldRequiresVersion: 'field "{path}" requires Kubernetes ≥ {sinceVersion}; validating for {version}',
    typeMismatch: '{path} must be {expected}, not {actual}',
    typeMismatchQuoteBoolean:
      '{path} must be {expected}, not {actual}: YAML reads unquoted yes, no, on, off, true and false as booleans; quote the value',
    typeMismatchQuoteNumber: '{path} must be {expected}, not {actual}: quote the value to keep it a string',
    typeMismatchUnquote: '{path} must be {expected}, not {actual}: remove the quotes',
    integerOutOfRange: '{path}: {value} is out of range for {format} ({min} to {max})',
    quantityFormat:
      "{path}: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    quantitySuffix: "{path}: unable to parse quantity's suffix in {value}",
    timeFormat: '{path}: {value} is not an RFC 3339 time such as 2006-01-02T15:04:05Z',
    enumNotSupported: 'Unsupported value: {value}: supported values: {supported}',
    required: 'Required value: {path} must be set',
    removedApiVersion: '{kind} {apiVersion} was removed in Kubernetes {removedIn}; use {replacement}',
    unknownApiVersion: 'no matches for kind "{kind}" in version "{apiVersion}"',
    unknownKubernetesVersion:
      'Podline has no schema for Kubernetes {version}; supported versions: {supported}. Validating for {fallback}.',
    expectedString: 'a string',
    expectedInteger: 'an integer ({format})',
    expectedNumber: 'a number',
    expectedBoolean: 'a boolean',
    expectedObject: 'an object',
    expectedArray: 'a list',
    expectedIntOrString: 'an integer or a string',
    expectedQuantity: 'a quantity (a number or a string such as 500m or 1Gi)',
    expectedTime: 'a time string',
    actualString: 'the string {value}',
    actualNumber: 'the number {value}',
    actualBoolean: 'the boolean {value}',
    actualObject: 'an object',
    actualArray: 'a list',
  },
  {
    unknownField: '未知字段 "{path}"',
    unknownFieldRemoved: '未知字段 "{path}"：Kubernetes {version} 已没有该字段（最后出现在 {lastVersion}）',
    fieldRequiresVersion: '字段 "{path}" 需要 Kubernetes ≥ {sinceVersion}；当前按 {version} 校验',
    typeMismatch: '{path} 应为{expected}，而不是{actual}',
    typeMismatchQuoteBoolean:
      '{path} 应为{expected}，而不是{actual}：YAML 把不带引号的 yes、no、on、off、true、false 读作布尔值，请给值加引号',
    typeMismatchQuoteNumber: '{path} 应为{expected}，而不是{actual}：请给值加引号，使其保持为字符串',
    typeMismatchUnquote: '{path} 应为{expected}，而不是{actual}：请去掉引号',
    integerOutOfRange: '{path}：{value} 超出 {format} 的范围（{min} 到 {max}）',
    quantityFormat: "{path}：数量必须匹配正则表达式 '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    quantitySuffix: '{path}：无法解析 {value} 的数量单位后缀',
    timeFormat: '{path}：{value} 不是 RFC 3339 时间（例如 2006-01-02T15:04:05Z）',
    enumNotSupported: '不支持的值：{value}：支持的值为 {supported}',
    required: '缺少必填值：必须设置 {path}',
    removedApiVersion: '{kind} {apiVersion} 已在 Kubernetes {removedIn} 中移除；请改用 {replacement}',
    unknownApiVersion: '版本 "{apiVersion}" 中没有 kind "{kind}"',
    unknownKubernetesVersion:
      'Podline 没有 Kubernetes {version} 的模式数据；支持的版本：{supported}。现按 {fallback} 校验。',
    expectedString: '字符串',
    expectedInteger: '整数（{format}）',
    expectedNumber: '数字',
    expectedBoolean: '布尔值',
    expectedObject: '对象',
    expectedArray: '列表',
    expectedIntOrString: '整数或字符串',
    expectedQuantity: '数量（数字，或 500m、1Gi 这样的字符串）',
    expectedTime: '时间字符串',
    actualString: '字符串 {value}',
    actualNumber: '数字 {value}',
    actualBoolean: '布尔值 {value}',
    actualObject: '对象',
    actualArray: '列表',
  },
);
