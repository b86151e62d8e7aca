import { field, integerValue, isSet, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import type { WorkloadRefs } from './workloadRefs';

/**
 * An integer field of a Job spec as the API server would decode it. `present` is false when the
 * field is absent or `null` (a nil pointer); `value` is undefined when it is absent or written
 * with a type the API server cannot decode into the field, which the schema check reports:
 * rules skip every check that involves such a field rather than guess.
 */
export interface IntegerField {
  readonly ref: FieldRef;
  readonly present: boolean;
  readonly value: number | undefined;
  /** True when the value was filled in by Job defaulting (kubernetes-behaviour §2.1), not written. */
  readonly defaulted: boolean;
}

/** True for a value a Go `int32` can hold; anything else fails to decode. */
export function isInt32(value: number): boolean {
  return Number.isInteger(value) && value >= -2147483648 && value <= 2147483647;
}

/** Reads an `int32` field; a value out of the int32 range cannot be decoded and counts as mistyped. */
export function int32Field(parent: FieldRef, key: string): IntegerField {
  const ref = field(parent, key);
  const value = integerValue(ref);
  return {
    ref,
    present: isSet(ref),
    value: value !== undefined && isInt32(value) ? value : undefined,
    defaulted: false,
  };
}

/** Reads an `int64` field. */
export function int64Field(parent: FieldRef, key: string): IntegerField {
  const ref = field(parent, key);
  return { ref, present: isSet(ref), value: integerValue(ref), defaulted: false };
}

/** True when the field is written with a value of the right type (a non-nil pointer). */
export function hasValue(item: IntegerField): item is IntegerField & { value: number } {
  return item.value !== undefined;
}

/** True when the field is written with a type the API server cannot decode. */
export function isMistyped(item: IntegerField): boolean {
  return item.present && item.value === undefined;
}

/** `completions` and `parallelism` of a Job spec after `SetDefaults_Job` (kubernetes-behaviour §2.1). */
export interface JobCounts {
  readonly completions: IntegerField;
  readonly parallelism: IntegerField;
}

/**
 * Reads `completions` and `parallelism`, applying the Job defaults only where they apply (a
 * top-level Job, never a CronJob's jobTemplate): when both are unset both become 1; otherwise an
 * unset parallelism becomes 1 and an unset completions stays unset (work-queue mode).
 */
export function jobCounts(refs: WorkloadRefs, jobSpec: FieldRef): JobCounts {
  const completions = int32Field(jobSpec, 'completions');
  const parallelism = int32Field(jobSpec, 'parallelism');
  if (!refs.jobDefaultsApply) return { completions, parallelism };
  const one = (item: IntegerField): IntegerField => ({ ...item, present: true, value: 1, defaulted: true });
  if (!completions.present && !parallelism.present)
    return { completions: one(completions), parallelism: one(parallelism) };
  return { completions, parallelism: parallelism.present ? parallelism : one(parallelism) };
}

/** The name the API server validates: `metadata.name`, or one generated from `generateName`. */
export interface ObjectName {
  readonly name: string;
  /** The field to underline: `metadata.name`, or `metadata.generateName` when the name is generated. */
  readonly ref: FieldRef;
  readonly generated: boolean;
}

/** How many characters of `generateName` the name generator keeps (63 − 5 random characters). */
const maxGeneratedNameBaseLength = 58;
/** Stands for the 5 random lowercase alphanumerics the name generator appends. */
export const generatedNameSuffix = 'xxxxx';

/**
 * The object's name as validation sees it. Before validation the API server fills an omitted name
 * from `generateName` plus 5 random lowercase alphanumerics (kubernetes-behaviour §0.1 step 4), so checks on the name's
 * shape can run on a stand-in suffix. Undefined when the name is written with the wrong type.
 */
export function objectName(refs: WorkloadRefs): ObjectName | undefined {
  const nameRef = field(refs.metadata, 'name');
  if (isSet(nameRef)) {
    const name = stringValue(nameRef);
    return name === undefined ? undefined : { name, ref: nameRef, generated: false };
  }
  const generateNameRef = field(refs.metadata, 'generateName');
  const base = stringValue(generateNameRef);
  if (base === undefined || base === '') {
    return isSet(generateNameRef) && base === undefined
      ? undefined
      : { name: '', ref: nameRef, generated: false };
  }
  return {
    name: `${base.slice(0, maxGeneratedNameBaseLength)}${generatedNameSuffix}`,
    ref: generateNameRef,
    generated: true,
  };
}
