import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asList } from '../listResults';
import { describeValue, processSchedulesLocator, readLocatorId, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { processSchedulesFields } from './processSchedulesFields';
import { noSettings } from '../types';

/**
 * Boomi's `processSchedulesUpdate(processSchedules: String!, processSchedulesId: String!)`:
 * two top-level String arguments, the first the Platform API ProcessSchedules
 * object as JSON text with capitalised `Schedule` / `Retry` keys (the page's
 * sample). The answer is the ProcessSchedules type with lower-case `schedule` /
 * `retry`. The JSON is built here with JSON.stringify, never written by hand.
 */
export const document: GraphQLDocument = {
	operationName: 'UpdateProcessSchedules',
	field: 'processSchedulesUpdate',
	query: /* GraphQL */ `mutation UpdateProcessSchedules($processSchedules: String!, $processSchedulesId: String!) {
  processSchedulesUpdate(processSchedules: $processSchedules, processSchedulesId: $processSchedulesId) {
    ${processSchedulesFields('    ')}
  }
}`,
};

/** One field of Boomi's cron-like Schedule: its key, label, allowed numbers and default (Boomi's UI). */
const SCHEDULE_FIELDS = [
	{ key: 'minutes', label: 'Minutes', min: 0, max: 59, fallback: undefined, default: '0', example: '0-59/15', meaning: 'minutes of the hour (0–59)' },
	{ key: 'hours', label: 'Hours', min: 0, max: 23, fallback: undefined, default: '*', example: '8-18', meaning: 'hours of the day (0–23)' },
	{ key: 'daysOfWeek', label: 'Days of Week', min: 1, max: 7, fallback: '*', default: '*', example: '2,3,4,5,6', meaning: 'days of the week (1 = Sunday … 7 = Saturday, so 2,3,4,5,6 is Monday to Friday)' },
	{ key: 'daysOfMonth', label: 'Days of Month', min: 1, max: 31, fallback: '*', default: '*', example: '1,15', meaning: 'days of the month (1–31)' },
	{ key: 'months', label: 'Months', min: 1, max: 12, fallback: '*', default: '*', example: '1-6', meaning: 'months (1–12)' },
	{ key: 'years', label: 'Years', min: 1970, max: 9999, fallback: '*', default: '*', example: '2027', meaning: 'years (four digits)' },
] as const;

const EXPRESSION_HELP =
	'* (every), a number, a range such as 8-18, a step such as 0-59/15 or */15, or a comma-separated list of these such as 0,30';

export const properties: INodeProperties[] = [
	processSchedulesLocator(
		"Which process on which atom to schedule: the process schedules ID, as Get Processes of an integration pack instance outputs it (processSchedules.ID). In Boomi's samples it is base64 of \"CPS\" + atom ID + \":\" + process ID; From List shows every process and atom pair of the installed instances. Sent to Boomi unchanged.",
	),
	{
		displayName: 'Schedules',
		name: 'processSchedules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Schedule',
		description:
			"The process's new schedules, replacing all current ones: each row is one Boomi cron-like schedule (the process runs when every field matches). With no row the process is unscheduled. Each field takes " +
			EXPRESSION_HELP +
			'.',
		options: [
			{
				displayName: 'Schedule',
				name: 'schedule',
				values: SCHEDULE_FIELDS.map((field) => ({
					displayName: field.label,
					name: field.key,
					type: 'string' as const,
					default: field.default,
					placeholder: `e.g. ${field.example}`,
					description: `The ${field.meaning} to run at: ${EXPRESSION_HELP}. ${
						field.fallback ? 'Empty means * (every), as Boomi stores it' : 'Required'
					}.`,
				})),
			},
		],
	},
	{
		displayName: 'Retry Failed Documents',
		name: 'retry',
		type: 'boolean',
		default: false,
		description:
			"Whether Boomi retries the documents that failed, on the same schedules as above (Boomi's retry schedules, as the API page's sample sends them). Off: no retry schedule.",
	},
	{
		displayName: 'Max Retries',
		name: 'maxRetry',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
		default: 5,
		description: 'How many times Boomi retries a failed document, 1 to 5 (Boomi’s range; 5 is what Boomi shows for a process without retries)',
		displayOptions: { show: { retry: [true] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description:
			"The process and atom the schedules are for. Needed only when the Process Schedules ID is not in the form Boomi's samples show (base64 of \"CPS\" + atom ID + \":\" + process ID); otherwise the node reads them from the ID.",
		options: [
			{
				displayName: 'Atom ID',
				name: 'atomId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 8fa55714-8e5e-45f1-b7e1-f57f2000f464',
				description:
					'The atom ID the schedules are for, as Get Processes of an integration pack instance outputs it (processSchedules.atomID). Must match the Process Schedules ID when that can be read.',
			},
			{
				displayName: 'Process ID',
				name: 'processId',
				type: 'string',
				default: '',
				placeholder: 'e.g. 6e79aead-40d4-422b-9037-4370a86cc2f1',
				description:
					'The process ID the schedules are for, as Get Processes of an integration pack instance outputs it (processSchedules.processID). Must match the Process Schedules ID when that can be read.',
			},
		],
	},
];

const SCHEDULES_PREFIX = 'CPS';

/**
 * Decodes Boomi's observed process schedules id form: unpadded base64 of
 * `CPS<atomId>:<processId>`. Observed in Boomi's samples, not documented, so
 * anything else yields `undefined` and the caller invents nothing.
 */
export function decodeProcessSchedulesId(value: unknown): { atomId: string; processId: string } | undefined {
	if (typeof value !== 'string') return undefined;
	const base64 = value.trim().replace(/-/g, '+').replace(/_/g, '/');
	if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.replace(/=+$/, '').length % 4 === 1) return undefined;
	let decoded: string;
	try {
		decoded = atob(base64);
	} catch {
		return undefined;
	}
	if (!decoded.startsWith(SCHEDULES_PREFIX) || !/^[\x20-\x7e]+$/.test(decoded)) return undefined;
	const rest = decoded.slice(SCHEDULES_PREFIX.length);
	const separator = rest.indexOf(':');
	if (separator <= 0 || separator === rest.length - 1 || rest.indexOf(':', separator + 1) !== -1) return undefined;
	return { atomId: rest.slice(0, separator), processId: rest.slice(separator + 1) };
}

/**
 * Whether `text` is one of Boomi's cron-like expressions for numbers in
 * [min, max]: `*`, `*\/s`, `n`, `a-b`, `a-b/s`, `n/s`, comma-separated.
 */
export function isScheduleExpression(text: string, min: number, max: number): boolean {
	const inRange = (part: string) => /^\d+$/.test(part) && Number(part) >= min && Number(part) <= max;
	return text.split(',').every((item) => {
		const match = /^([^/]+)(?:\/(\d+))?$/.exec(item.trim());
		if (!match) return false;
		const [, base, step] = match;
		if (step !== undefined && !(Number(step) >= 1)) return false;
		if (base === '*') return true;
		const range = base.split('-');
		if (range.length === 1) return inRange(range[0]);
		return range.length === 2 && inRange(range[0]) && inRange(range[1]) && Number(range[0]) <= Number(range[1]);
	});
}

type ScheduleRow = Record<(typeof SCHEDULE_FIELDS)[number]['key'], string>;

function badInput(this: IExecuteFunctions, itemIndex: number, message: string, description: string): NodeOperationError {
	return new NodeOperationError(this.getNode(), message, { itemIndex, description: `Item ${itemIndex}: ${description}` });
}

/** The rows of "Schedules", checked, in Boomi's Schedule form. */
function readSchedules(this: IExecuteFunctions, itemIndex: number): ScheduleRow[] {
	const collection = this.getNodeParameter('processSchedules', itemIndex, {}) as unknown;
	const rawRows = Array.isArray(collection)
		? collection
		: collection && typeof collection === 'object'
			? (collection as IDataObject).schedule ?? []
			: collection;
	if (!Array.isArray(rawRows) && (typeof rawRows !== 'object' || rawRows === null)) {
		throw badInput.call(this, itemIndex, 'Schedules must be a list of schedules', `"Schedules" is ${describeValue(rawRows)}. Add rows under "Schedules" (or none to unschedule the process).`);
	}
	const rows = Array.isArray(rawRows) ? rawRows : [rawRows];
	return rows.map((raw, index) => {
		const row = (raw && typeof raw === 'object' ? raw : {}) as IDataObject;
		const schedule = {} as ScheduleRow;
		for (const field of SCHEDULE_FIELDS) {
			const value = row[field.key];
			const where = `Schedules › row ${index + 1} › ${field.label}`;
			const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : typeof value === 'string' ? value.replace(/\s+/g, '') : value;
			if (text === undefined || text === null || text === '') {
				if (field.fallback) {
					schedule[field.key] = field.fallback;
					continue;
				}
				throw badInput.call(this, itemIndex, `${where} is empty`, `"${where}" is empty. Enter the ${field.meaning} to run at: ${EXPRESSION_HELP} (e.g. ${field.example}).`);
			}
			if (typeof text !== 'string' || !isScheduleExpression(text, field.min, field.max)) {
				throw badInput.call(
					this,
					itemIndex,
					`${where} is not a valid schedule expression`,
					`"${where}" is ${describeValue(value)}. Enter the ${field.meaning} to run at: ${EXPRESSION_HELP} (e.g. ${field.example}), numbers from ${field.min} to ${field.max}.`,
				);
			}
			schedule[field.key] = text;
		}
		return schedule;
	});
}

function readMaxRetry(this: IExecuteFunctions, itemIndex: number): number {
	const raw = this.getNodeParameter('maxRetry', itemIndex, 5) as unknown;
	const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
		throw badInput.call(this, itemIndex, 'Max Retries must be a whole number from 1 to 5', `"Max Retries" is ${describeValue(raw)}${typeof raw === 'number' ? ` (${raw})` : ''}. Boomi retries a failed document 1 to 5 times: enter a number in that range.`);
	}
	return value;
}

function optionalId(this: IExecuteFunctions, value: unknown, itemIndex: number, label: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	return requireId.call(this, value, itemIndex, { label, fix: `set "Additional Fields › ${label}" to the ${label}, or remove the field.` }).trim();
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const processSchedulesId = readLocatorId.call(this, 'processSchedulesId', itemIndex, {
		label: 'Process Schedules ID',
		fix: 'set "Process Schedules" to the process schedules ID of the process and atom (pick it From List, or take processSchedules.id from Get Processes of an integration pack instance).',
	});
	const extra = (this.getNodeParameter('additionalFields', itemIndex, {}) ?? {}) as IDataObject;
	const givenProcessId = optionalId.call(this, extra.processId, itemIndex, 'Process ID');
	const givenAtomId = optionalId.call(this, extra.atomId, itemIndex, 'Atom ID');
	const decoded = decodeProcessSchedulesId(processSchedulesId);
	if (decoded) {
		for (const [key, label, given] of [['processId', 'Process ID', givenProcessId], ['atomId', 'Atom ID', givenAtomId]] as const) {
			if (given !== undefined && given !== decoded[key]) {
				throw badInput.call(
					this,
					itemIndex,
					`The ${label} does not match the Process Schedules ID`,
					`"Additional Fields › ${label}" is ${describeValue(given)} but the Process Schedules ID is for ${label} ${describeValue(decoded[key])}. Remove the field, or pick the process schedules of that process and atom.`,
				);
			}
		}
	} else if (givenProcessId === undefined || givenAtomId === undefined) {
		throw badInput.call(
			this,
			itemIndex,
			'Process ID and Atom ID are needed for this Process Schedules ID',
			`The Process Schedules ID ${describeValue(processSchedulesId)} is not in the form Boomi's samples show (base64 of "CPS" + atom ID + ":" + process ID), so the node cannot read the process and atom from it. Add "Process ID" and "Atom ID" under "Additional Fields" (Get Processes of an integration pack instance outputs both), or pick the process schedules From List.`,
		);
	}
	const processId = decoded?.processId ?? (givenProcessId as string);
	const atomId = decoded?.atomId ?? (givenAtomId as string);

	const schedule = readSchedules.call(this, itemIndex);
	const retry = this.getNodeParameter('retry', itemIndex, false) as unknown;
	const retrying = retry === true || retry === 'true';
	if (retry !== undefined && typeof retry !== 'boolean' && retry !== 'true' && retry !== 'false') {
		throw badInput.call(this, itemIndex, 'Retry Failed Documents must be true or false', `"Retry Failed Documents" is ${describeValue(retry)}. Switch it on or off.`);
	}
	if (retrying && schedule.length === 0) {
		throw badInput.call(this, itemIndex, 'Retries need a schedule', '"Retry Failed Documents" is on but "Schedules" has no row: retries run on the schedules. Add a schedule, or switch retries off.');
	}
	const maxRetry = retrying ? readMaxRetry.call(this, itemIndex) : 5;
	const processSchedules = JSON.stringify({
		Schedule: schedule,
		Retry: { Schedule: retrying ? schedule : [], maxRetry },
		processId,
		atomId,
		id: processSchedulesId,
	});
	return { processSchedules, processSchedulesId };
}

function scheduleList(value: unknown): IDataObject[] {
	return asList(value).map((entry) => ({ ...entry }));
}

/** Boomi's answer, the ProcessSchedules as it now stands (lower-case `schedule` / `retry`). */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	const answer = (data && typeof data === 'object' ? data : {}) as IDataObject;
	const retry = (answer.retry && typeof answer.retry === 'object' ? answer.retry : {}) as IDataObject;
	return [
		{
			id: answer.id ?? vars.processSchedulesId ?? null,
			processId: answer.processId ?? null,
			atomId: answer.atomId ?? null,
			envId: answer.envId ?? null,
			schedule: scheduleList(answer.schedule),
			retry: { schedule: scheduleList(retry.schedule), maxRetry: retry.maxRetry ?? null },
		},
	];
}

export const updateSchedule = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
