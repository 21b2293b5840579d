import { valueOf } from '../config/configError';
import { resolveMoovTarget } from '../moov/settings';
import { PROJECT_ROOT } from '../config/run';
import { MoovClient } from '../moov/client';
import { closeLedgerTickets } from '../moov/cleanup';
import { ledgerPath, WriteLedger } from '../moov/ledger';
import { TicketWrites } from '../moov/ticketWrites';
import { calibratePoints, targetName } from './calibrate';
import type { Calibration } from './calibration';
import { MOOV_POINTS, MOOV_SILENT_POINTS, MoovProbeContext } from './moovPoints';

/**
 * Moov's calibration, with the suite's own client (throttle, credential gateway, redaction).
 * Writes follow the target: always on the embedded mock, only with ALLOW_WRITES=true and within
 * MOOV_MAX_WRITES on a live one, where every ticket is ledgered and closed at the end (an
 * interrupted run's by `npm run cleanup`).
 */
export const moovCalibration: Calibration = {
  ...MOOV_SILENT_POINTS,
  async probe(http, env, run) {
    const target = resolveMoovTarget(env);
    const writesOff = run.writesOff ?? (target.allowWrites ? undefined : 'ALLOW_WRITES is not true, so calibration sends no create or update');
    const file = target.kind === 'live' && writesOff === undefined ? ledgerPath(`${valueOf(env, 'CONFORMANCE_RUN_ID') ?? 'calibrate'}.${run.label}`) : undefined;
    const writes = writesOff !== undefined ? 'writes off' : file ? `writes on, at most ${target.maxWrites} ticket(s), ledger ${file.replace(`${PROJECT_ROOT}/`, '')}` : 'embedded mock';
    run.say?.(`calibrating moov at ${target.baseURL} (${writes})`);
    const client = new MoovClient(http, target);
    if (run.onTimeNeeded) client.onTimeNeeded = run.onTimeNeeded;
    let n = 0;
    const tickets = file === undefined ? undefined : new TicketWrites(new WriteLedger(file, target.baseURL));
    const ctx = new MoovProbeContext(client, { maxWrites: target.maxWrites, tickets, label: () => TicketWrites.foreignID(env, `${run.label}-${++n}`) });
    try {
      return await calibratePoints('moov', targetName(target), MOOV_POINTS, ctx, { writesOff, onPoint: run.onPoint });
    } finally {
      // Whatever the probes left open (an interrupted probe, a lenient target's ticket) is closed now.
      if (file) await closeLedgerTickets(file, target, (line) => run.say?.(line));
    }
  },
};
