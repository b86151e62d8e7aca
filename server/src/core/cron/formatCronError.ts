import type { Locale } from '../l10n';
import { formatCronFieldName, formatCronMessage } from './cronMessages';
import type { CronParseFailure } from './parseCronSchedule';

/** Renders a parse failure's message, filling in the localised field name. */
export function formatCronError(failure: CronParseFailure, locale: Locale): string {
  const fieldName = failure.field === null ? '' : formatCronFieldName(failure.field, locale);
  return formatCronMessage(locale, failure.messageKey, { ...failure.args, fieldName });
}
