import { resolve } from 'node:path';
import type { VariantName } from '../../mock/moov/variants';
import type { SelfTestSuite } from '../selfTestCases';

/** Broken SDK builds (scripts/selftest/sdk-faults/*): the real SDK with one defect each. */
const BROKEN_SDKS: Record<string, string[]> = {
  'no-version-header': ['SDK-REQ-001'],
  'drops-foreign-id': ['SDK-RT-001'],
  'mangles-error-status': ['SDK-ERR-001'],
  'breaks-list-parsing': ['SDK-CALL-001'],
};

/** Correct targets where the docs are silent: the SDK project must pass on each. */
const VARIANTS: VariantName[] = ['extra-fields', 'newest-first', 'lenient-strings', 'empty-update-422', 'type-mismatch-400', 'unreachable-404', 'latestMessageOn-absent', 'content-type-without-charset', 'global-ticket-numbers'];

export const sdkSelfTest: SelfTestSuite = {
  faults: Object.entries(BROKEN_SDKS).map(([name, expect]) => ({
    name: `sdk:${name}`,
    env: { MOOV_SDK_MODULE: resolve(__dirname, '../../scripts/selftest/sdk-faults', name) },
    expect,
  })),
  variants: VARIANTS.map((variant) => ({ name: variant, env: { MOCK_VARIANTS: variant } })),
  // As the moov project's groups (apis/moov/selfTest.ts), restricted to these variants.
  variantGroups: [
    ['type-mismatch-400', 'unreachable-404', 'newest-first', 'extra-fields'],
    ['empty-update-422', 'lenient-strings'],
    // Calibrated readings an SDK must parse as well (issue 22's five choices, as far as the SDK sees them).
    ['latestMessageOn-absent', 'content-type-without-charset', 'global-ticket-numbers'],
  ],
  // The request audit (SDK-REQ-001) reads the embedded mock's request log, which a live target
  // does not have (the audit is skipped there), so a broken SDK can only be proven in mock mode.
  modes: ['mock'],
};
