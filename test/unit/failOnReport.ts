import type { ReportError } from '../../server/src/core/editor/editorFeature';

/**
 * The tests' `reportError`: a provider that throws is a bug, so the report fails the test (it
 * throws out of the feature that caught the provider's error), naming the feature.
 */
export const failOnReport: ReportError = (feature, error) => {
  throw new Error(
    `${feature} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    {
      cause: error,
    },
  );
};
