import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A resource locator's value (or a plain value from older JSON or a parameter path). */
export function locatorValue(raw: unknown): unknown {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && '__rl' in raw) {
		return (raw as { value?: unknown }).value;
	}
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'mode' in raw && 'value' in raw) {
		return (raw as { value?: unknown }).value;
	}
	return raw;
}

/** What an expression produced, in words, for error messages. */
export function describeValue(value: unknown): string {
	if (value === undefined || value === null) return 'nothing';
	if (typeof value === 'string') return value.trim() === '' ? 'an empty text' : JSON.stringify(value);
	if (Array.isArray(value)) return 'an array';
	return `a ${typeof value}`;
}

/**
 * Checks one Boomi id of an item: text (a finite number is turned into text),
 * not empty. Returned unchanged otherwise: Boomi ids are opaque and compared
 * byte for byte.
 */
export function requireId(
	this: IExecuteFunctions,
	value: unknown,
	itemIndex: number,
	{ label, fix }: { label: string; fix: string },
): string {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	const problem =
		value === undefined || value === null || typeof value === 'string'
			? 'is empty'
			: `must be text, but the expression gave ${describeValue(value)}`;
	throw new NodeOperationError(this.getNode(), `The ${label} ${problem}`, {
		itemIndex,
		description: `Item ${itemIndex}: ${fix} If it comes from an expression, check that the field it reads exists on this item and holds the ID as text.`,
	});
}

/**
 * Reads the item's resource locator (or plain ID) parameter `name` and checks
 * it with `requireId`: the one way every operation reads a picked ID.
 */
export function readLocatorId(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	check: { label: string; fix: string },
): string {
	const raw = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as unknown;
	return requireId.call(this, locatorValue(raw), itemIndex, check);
}

/** What sets one picker apart: its field, its list search and its placeholders. */
export interface LocatorSpec {
	displayName: string;
	name: string;
	/** What the operation does with the ID, and where the ID comes from. */
	description: string;
	searchListMethod: string;
	/** From List's placeholder, e.g. "Select a process...". */
	listPlaceholder: string;
	/** By ID's placeholder, an example ID. */
	idPlaceholder: string;
	/** Defaults to true; false for a locator inside a collection entry. */
	required?: boolean;
}

/** A resource locator field with two modes: From List (searchable) and By ID. */
export function locatorField(spec: LocatorSpec): INodeProperties {
	const required = spec.required ?? true;
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		...(required ? { required: true } : {}),
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: spec.listPlaceholder,
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.idPlaceholder,
			},
		],
	};
}

/**
 * The "Integration Pack Instance" field of the operations that take an
 * installed instance: a resource locator (From List / By ID) named like the
 * field Boomi's Attach input calls it. `description` says what the operation
 * does with it.
 */
export function integrationPackInstanceLocator(description: string): INodeProperties {
	return locatorField({
		displayName: 'Integration Pack Instance',
		name: 'integrationPackInstanceId',
		description,
		searchListMethod: 'searchIntegrationPackInstances',
		listPlaceholder: 'Select an installed integration pack instance...',
		idPlaceholder: 'e.g. SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
	});
}

/** The "Process" field (`processId`): a process of an installed instance, From List or By ID. */
export function processLocator(description: string): INodeProperties {
	return locatorField({
		displayName: 'Process',
		name: 'processId',
		description,
		searchListMethod: 'searchProcesses',
		listPlaceholder: 'Select a process...',
		idPlaceholder: 'e.g. 6e79aead-5fd4-4a4e-9a46-6f1b1e1e7a10',
	});
}

/** The "Atom" field (`atomId`): an atom of the Space's environments, From List or By ID. */
export function atomLocator(description: string): INodeProperties {
	return locatorField({
		displayName: 'Atom',
		name: 'atomId',
		description,
		searchListMethod: 'searchAtoms',
		listPlaceholder: 'Select an atom...',
		idPlaceholder: 'e.g. 8fa55714-8e5e-45f1-b7e1-f57f2000f464',
	});
}

/**
 * An "Environment" field: an environment of the Space, From List or By ID.
 * `name` differs by operation (the variable it feeds); `required: false` inside
 * a collection entry.
 */
export function environmentLocator(name: string, description: string, { required = true } = {}): INodeProperties {
	return locatorField({
		displayName: 'Environment',
		name,
		description,
		required,
		searchListMethod: 'searchEnvironments',
		listPlaceholder: 'Select an environment...',
		idPlaceholder: 'e.g. 86b413a8-1ebf-4c95-bc5b-139573b77910',
	});
}

/**
 * The "Space" field: a resource locator (From List / By ID) over the Spaces
 * the account created (Boomi's `spaces` query). Named `spaceId` like the input
 * field of Boomi's integration pack listings, and the variable of every Space
 * document.
 */
export function spaceLocator(description: string): INodeProperties {
	return locatorField({
		displayName: 'Space',
		name: 'spaceId',
		description,
		searchListMethod: 'searchSpaces',
		listPlaceholder: 'Select a Space...',
		idPlaceholder: 'e.g. 2dcd9964-b85e-42ce-998d-b7c22a6f3e10',
	});
}

/**
 * The "Process Schedules" field (`processSchedulesId`): a process on an atom,
 * as Get Processes of an integration pack instance outputs it, From List or By ID.
 */
export function processSchedulesLocator(description: string): INodeProperties {
	return locatorField({
		displayName: 'Process Schedules',
		name: 'processSchedulesId',
		description,
		searchListMethod: 'searchProcessSchedules',
		listPlaceholder: 'Select a process on an atom...',
		idPlaceholder: 'e.g. Q1BTOGZhNTU3MTQtOGU1ZS00NWYxLWI3ZTEtZjU3ZjIwMDBmNDY0OjZlNzlhZWFkLTQwZDQtNDIyYi05MDM3LTQzNzBhODZjYzJmMQ',
	});
}
