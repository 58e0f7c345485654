import type { IDataObject } from 'n8n-workflow';

/**
 * What the trigger remembers between polls (in the workflow's static data of
 * the node), and the pure rules that turn a poll's answers into events. Every
 * rule here is synchronous: the poll fetches first, then commits in one step,
 * so two overlapping polls of one workflow never interleave their commits.
 *
 * Bounded by what exists now, never by history:
 * - executions: the keys (execution ID + status) of the runs Boomi returned
 *   for the last poll's window (from the previous poll's start minus the
 *   late-result window) — runs older than the window are forgotten, because
 *   no later query asks for them again;
 * - set differences (instances, attachments): the current items by ID.
 */
export interface TriggerState extends IDataObject {
	/** Which event and selection this state belongs to; another one starts over (a new baseline). */
	config: string;
	/** Start (ms) of the poll that wrote this state; an older poll finishing later is discarded. */
	polledAt: number;
	/** Executions: the next query asks from this time (ms) minus the late-result window. */
	since?: number;
	/** Executions: runs older than this (ms) were covered by earlier polls: never new again. */
	keptFrom?: number;
	/** Executions: `executionId|status` → executionTime (ms, or null when unreadable), for runs from keptFrom on. */
	seen?: IDataObject;
	/** Set differences: the current items by ID, as the last poll output them. */
	items?: IDataObject;
}

export interface ExecutionRecord {
	key: string;
	time: number | null;
	json: IDataObject;
}

export function readState(staticData: IDataObject): TriggerState | undefined {
	const state = staticData.state as TriggerState | undefined;
	return state && typeof state === 'object' && typeof state.config === 'string' ? state : undefined;
}

/** A poll that started before the stored state was written saw less than it: its answer is discarded. */
export function isStale(state: TriggerState | undefined, polledAt: number): boolean {
	return state !== undefined && typeof state.polledAt === 'number' && polledAt < state.polledAt;
}

/**
 * New executions since the stored state (none on a first poll: that records
 * the baseline) and the state to store. Sorted oldest first.
 */
export function diffExecutions(
	state: TriggerState | undefined,
	config: string,
	records: ExecutionRecord[],
	polledAt: number,
	windowMs: number,
): { events: IDataObject[]; next: TriggerState } {
	const baseline = state === undefined || state.config !== config;
	const seen = (baseline ? {} : state.seen ?? {}) as IDataObject;
	const floor = baseline || typeof state.keptFrom !== 'number' ? undefined : state.keptFrom;
	const events = baseline
		? []
		: records.filter((record) => !(record.key in seen) && !(floor !== undefined && record.time !== null && record.time < floor));
	// The next query starts at polledAt - windowMs, which Boomi reads to the
	// second (inclusive): what is older never comes back (and, should the
	// window be widened, is not new).
	const keepFrom = Math.floor((polledAt - windowMs) / 1000) * 1000;
	const nextSeen: IDataObject = {};
	for (const record of records) {
		if (record.time === null || record.time >= keepFrom) nextSeen[record.key] = record.time;
	}
	events.sort((a, b) => (a.time ?? 0) - (b.time ?? 0));
	return {
		events: events.map((record) => record.json),
		next: { config, polledAt, since: polledAt, keptFrom: keepFrom, seen: nextSeen },
	};
}

/**
 * The items that appeared (`added`) and disappeared (`removed`, as they were
 * last seen) since the stored state; none on a first poll.
 */
export function diffSets(
	state: TriggerState | undefined,
	config: string,
	current: Map<string, IDataObject>,
	polledAt: number,
): { added: IDataObject[]; removed: IDataObject[]; baseline: boolean; next: TriggerState } {
	const baseline = state === undefined || state.config !== config;
	const before = (baseline ? {} : state.items ?? {}) as IDataObject;
	const added = baseline ? [] : [...current].filter(([id]) => !(id in before)).map(([, item]) => item);
	const removed = baseline
		? []
		: Object.entries(before)
				.filter(([id]) => !current.has(id))
				.map(([, item]) => item as IDataObject);
	return { added, removed, baseline, next: { config, polledAt, items: Object.fromEntries(current) } };
}
