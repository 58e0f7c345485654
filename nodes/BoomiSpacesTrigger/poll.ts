import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { document as environmentsDocument } from '../BoomiSpaces/actions/environment/getMany.operation';
import {
	boomiDateTime,
	document as executionsDocument,
	EXECUTION_STATUSES,
	normalizeExecution,
} from '../BoomiSpaces/actions/execution/getMany.operation';
import { document as instancesDocument } from '../BoomiSpaces/actions/integrationPackInstance/getMany.operation';
import { asList } from '../BoomiSpaces/actions/listResults';
import { describeValue, locatorValue } from '../BoomiSpaces/actions/resourceLocator';
import { instanceName } from '../BoomiSpaces/methods/listSearch';
import { processesDocument } from '../BoomiSpaces/methods/processes';
import type { GraphQLDocument } from '../BoomiSpaces/transport';
import { CREDENTIAL_TYPE, getEndpoints, requestData } from '../BoomiSpaces/transport';
import { accountKey, joinAccountPace } from '../BoomiSpaces/transport/flow';
import { DEFAULT_RUN_OPTIONS } from '../BoomiSpaces/actions/runOptions';
import { atomsDocument } from '../BoomiSpaces/methods/processSearch';
import type { ExecutionRecord, TriggerState } from './state';
import { diffExecutions, diffSets, isStale, readState } from './state';

export type TriggerEvent =
	| 'processExecutionFinished'
	| 'instanceInstalled'
	| 'instanceUninstalled'
	| 'instanceAttached'
	| 'instanceDetached';

export const EVENTS: TriggerEvent[] = [
	'processExecutionFinished',
	'instanceInstalled',
	'instanceUninstalled',
	'instanceAttached',
	'instanceDetached',
];

/** How far back a manual Fetch Test Event looks for a sample execution. */
const SAMPLE_WINDOW_MS = 30 * 24 * 60 * 60 * 1000;
const DEFAULT_WINDOW_MINUTES = 60;

type Send = (what: string, document: GraphQLDocument, variables?: IDataObject) => Promise<IDataObject[]>;

/**
 * The one function every request of a poll goes through: the seam for the
 * shared per-account pacer (pass its wait as `pace`). Same sender, classifier
 * and retry policy as the action node; reads only.
 */
export async function pollSender(this: IPollFunctions): Promise<{ send: Send; done: () => void }> {
	const endpoints = await getEndpoints.call(this);
	// One poll's requests share the account's pace with the action node's
	// executions in this process (Boomi's limit is per account).
	const credentials = await this.getCredentials(CREDENTIAL_TYPE);
	const member = joinAccountPace(accountKey(endpoints.graphqlUrl, credentials), DEFAULT_RUN_OPTIONS.requestsPerSecond);
	const pace = async () => {
		await member.acquire(1);
	};
	const send: Send = async (what, document, variables = {}) => {
		const data = await requestData.call(this, endpoints, document, variables, {
			label: { name: what, mutation: false },
			pace,
		});
		return asList(data[document.field]);
	};
	return { send, done: () => member.leave() };
}

function text(value: unknown): string {
	return typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
}

function fail(context: IPollFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { description });
}

/** The poll: events since the stored state, or null. Manual mode: a sample, the state untouched. */
export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const event = this.getNodeParameter('event', 'processExecutionFinished') as TriggerEvent;
	if (!EVENTS.includes(event)) {
		throw fail(this, `Unknown event ${describeValue(event)}`, 'Choose an event from the "Trigger On" list.');
	}
	const manual = this.getMode() === 'manual';
	const polledAt = Date.now();
	const staticData = this.getWorkflowStaticData('node');
	const { send, done } = await pollSender.call(this);
	let events: IDataObject[];
	try {
		events =
			event === 'processExecutionFinished'
				? await executionEvents.call(this, send, staticData, polledAt, manual)
				: await setEvents.call(this, event, send, staticData, polledAt, manual);
	} finally {
		done();
	}
	if (events.length === 0) return null;
	return [this.helpers.returnJsonArray(events)];
}

function commit(staticData: IDataObject, next: TriggerState): void {
	staticData.state = next;
}

// ---- Process Execution Finished ------------------------------------------------------

interface ExecutionSettings {
	config: string;
	instanceId?: string;
	statuses: string[];
	windowMs: number;
}

function executionSettings(this: IPollFunctions): ExecutionSettings {
	const scope = this.getNodeParameter('instanceScope', 'all') as string;
	let instanceId: string | undefined;
	if (scope === 'instance') {
		const raw = locatorValue(this.getNodeParameter('integrationPackInstanceId', '', { extractValue: true }));
		instanceId = typeof raw === 'number' ? String(raw) : typeof raw === 'string' && raw.trim() !== '' ? raw : undefined;
		if (!instanceId) {
			throw fail(
				this,
				'The Integration Pack Instance is empty',
				'Pick the integration pack instance whose processes to watch, or set "Watch" to All Instances.',
			);
		}
	}
	const rawStatuses = this.getNodeParameter('statuses', ['ERROR']) as unknown;
	const statuses = Array.isArray(rawStatuses) ? [...new Set(rawStatuses.map(text))].sort() : [];
	if (statuses.length === 0 || statuses.some((status) => !(EXECUTION_STATUSES as readonly string[]).includes(status))) {
		throw fail(
			this,
			'Choose at least one execution status',
			`"Statuses" is ${describeValue(rawStatuses)}. Choose one or more statuses from the list (Error is the usual one).`,
		);
	}
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const minutes = options.lateResultWindow === undefined ? DEFAULT_WINDOW_MINUTES : Number(options.lateResultWindow);
	if (!Number.isFinite(minutes) || minutes < 0) {
		throw fail(this, 'Late Result Window must be a number of minutes, 0 or more', `It is ${describeValue(options.lateResultWindow)}.`);
	}
	const config = JSON.stringify({ event: 'processExecutionFinished', instanceId: instanceId ?? '*', statuses });
	return { config, instanceId, statuses, windowMs: minutes * 60 * 1000 };
}

async function executionEvents(
	this: IPollFunctions,
	send: Send,
	staticData: IDataObject,
	polledAt: number,
	manual: boolean,
): Promise<IDataObject[]> {
	const settings = executionSettings.call(this);
	const state = readState(staticData);
	const current = state && state.config === settings.config ? state : undefined;
	const since = manual
		? polledAt - SAMPLE_WINDOW_MS
		: (typeof current?.since === 'number' ? current.since : polledAt) - settings.windowMs;

	let instances = await send('loading the integration pack instances', instancesDocument);
	if (settings.instanceId !== undefined) {
		instances = instances.filter((instance) => text(instance.id) === settings.instanceId);
		if (instances.length === 0) {
			throw fail(
				this,
				`Integration pack instance ${JSON.stringify(settings.instanceId)} is not installed in this Space`,
				'Pick an installed integration pack instance (the list shows them), or set "Watch" to All Instances.',
			);
		}
	}
	const environments = await send('loading the environments and their atoms', atomsDocument);
	const atomHome = new Map<string, IDataObject>();
	for (const environment of environments) {
		for (const atom of asList(environment.atoms)) {
			if (text(atom.id)) atomHome.set(text(atom.id), { environment, atomName: atom.name ?? null });
		}
	}

	const records: ExecutionRecord[] = [];
	const executionTime = boomiDateTime(since) as string;
	for (const instance of instances) {
		const integrationPackInstanceId = text(instance.id);
		if (!integrationPackInstanceId) continue;
		const processes = new Map<string, IDataObject>();
		// One entry per process and atom: each process once.
		for (const entry of await send('loading the processes', processesDocument, { integrationPackInstanceId })) {
			if (text(entry.id) && !processes.has(text(entry.id))) processes.set(text(entry.id), entry);
		}
		for (const [processId, boomiProcess] of processes) {
			// Boomi's executionHistory takes one status per request.
			for (const status of settings.statuses) {
				const answer = await send('loading the execution history', executionsDocument, { processId, executionTime, status });
				for (const record of answer) {
					const json = executionItem(normalizeExecution(record), { processId, boomiProcess, instance, status, atomHome });
					const time = Date.parse(text(record.executionTime));
					records.push({
						key: `${text(record.executionId)}|${text(record.status) || status}`,
						time: Number.isNaN(time) ? null : time,
						json,
					});
				}
			}
		}
	}

	if (manual) {
		const latest = records.reduce<ExecutionRecord | undefined>(
			(best, record) => (best === undefined || (record.time ?? 0) >= (best.time ?? 0) ? record : best),
			undefined,
		);
		if (!latest) {
			throw fail(
				this,
				'No matching execution yet',
				`Boomi lists no execution with status ${settings.statuses.join(' or ')} of the watched processes in the last 30 days. Run a process (Boomi Spaces › Process › Execute) or widen "Statuses", then fetch again.`,
			);
		}
		return [latest.json];
	}
	// Commit in one synchronous step, against the state as it is now.
	const now = readState(staticData);
	if (isStale(now, polledAt)) return [];
	const { events, next } = diffExecutions(now, settings.config, records, polledAt, settings.windowMs);
	commit(staticData, next);
	return events.map((json) => ({ ...json }));
}

function executionItem(
	execution: IDataObject,
	{
		processId,
		boomiProcess,
		instance,
		status,
		atomHome,
	}: { processId: string; boomiProcess: IDataObject; instance: IDataObject; status: string; atomHome: Map<string, IDataObject> },
): IDataObject {
	const atomId = text(execution.atomId);
	const home = atomId ? atomHome.get(atomId) : undefined;
	const environment = (home?.environment ?? undefined) as IDataObject | undefined;
	return {
		event: 'processExecutionFinished',
		...execution,
		status: execution.status ?? status,
		processId,
		processName: execution.processName ?? boomiProcess.name ?? null,
		integrationPackInstanceId: instance.id ?? null,
		integrationPackInstanceName: instanceName(instance) || null,
		atomId: execution.atomId ?? null,
		atomName: execution.atomName ?? home?.atomName ?? null,
		environmentId: environment?.id ?? null,
		environmentName: environment?.name ?? null,
		environmentClassification: environment?.classification ?? null,
	};
}

// ---- set differences: installed / uninstalled, attached / detached ------------------

async function setEvents(
	this: IPollFunctions,
	event: Exclude<TriggerEvent, 'processExecutionFinished'>,
	send: Send,
	staticData: IDataObject,
	polledAt: number,
	manual: boolean,
): Promise<IDataObject[]> {
	const instances = await send('loading the integration pack instances', instancesDocument);
	const current = new Map<string, IDataObject>();
	if (event === 'instanceInstalled' || event === 'instanceUninstalled') {
		for (const instance of instances) {
			const id = text(instance.id);
			if (!id) continue;
			current.set(id, {
				id,
				name: instanceName(instance) || null,
				integrationPackOverrideName: instance.integrationPackOverrideName ?? null,
				integrationPack: (instance.integrationPack as IDataObject | null | undefined) ?? null,
			});
		}
	} else {
		const names = new Map(instances.map((instance) => [text(instance.id), instanceName(instance)]));
		for (const environment of await send('loading the environments', environmentsDocument)) {
			for (const attachment of asList(environment.integrationPackEnvironmentAttachment)) {
				const id = text(attachment.id);
				if (!id) continue;
				const instanceId = text(attachment.integrationPackInstanceId);
				current.set(id, {
					id,
					integrationPackInstanceId: instanceId || null,
					integrationPackInstanceName: names.get(instanceId) || null,
					environmentId: attachment.environmentId ?? environment.id ?? null,
					environmentName: environment.name ?? null,
					environmentClassification: environment.classification ?? null,
				});
			}
		}
	}
	const appearing = event === 'instanceInstalled' || event === 'instanceAttached';
	const config = JSON.stringify({ event });
	const tag = (items: IDataObject[]) => items.map((item) => ({ event, ...item }));

	if (manual) {
		const { added, removed } = diffSets(readState(staticData), config, current, polledAt);
		const found = appearing ? added : removed;
		if (found.length > 0) return tag(found);
		const latest = [...current.values()].pop();
		if (appearing && latest) return tag([latest]);
		const what = {
			instanceInstalled: 'installed integration pack instance',
			instanceUninstalled: 'uninstall since the trigger was activated',
			instanceAttached: 'attachment of an instance to an environment',
			instanceDetached: 'detachment since the trigger was activated',
		}[event];
		throw fail(
			this,
			`No ${what} yet`,
			appearing
				? 'The Space has none right now. Install or attach one in Boomi Spaces, then fetch again.'
				: 'This event is the difference between two polls: activate the workflow, uninstall or detach in Boomi Spaces, and the next poll emits it. Until then there is no sample to show.',
		);
	}
	const now = readState(staticData);
	if (isStale(now, polledAt)) return [];
	const { added, removed, next } = diffSets(now, config, current, polledAt);
	commit(staticData, next);
	return tag(appearing ? added : removed);
}
