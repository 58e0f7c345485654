import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, readLocatorId, requireId } from '../resourceLocator';

/**
 * The Space fields every Space operation selects: those the samples of Boomi's
 * Create, Update, Get and Get Many pages show. `sharedIpacks` is left out:
 * Boomi's Space details page says only sub-accounts of the Space's account
 * group may request it, and the Space operations act for the account that
 * created the Space (Get Many on Integration Pack lists a Space's packs).
 */
export const SPACE_FIELDS = /* GraphQL */ `id
    name
    description
    createdDate
    createdByAccountId
    modifiedDate
    modifiedByAccountId
    url
    accountGroup {
      id
      name
    }
    theme {
      logoAltTxt
      logoUrl
    }`;

/**
 * Boomi's Space pages list no SPACE_GUID header; the credential sends its
 * Space GUID with every request all the same (Boomi documents these calls as
 * acting on the Spaces the authorized account created, so it does not scope them).
 */
export const SPACE_GUID_NOTE =
	"Boomi acts on the Spaces created by the credential's account; the credential's Space GUID does not limit which Space is meant.";

/** The item's Space ID (the `spaceId` locator), checked. */
export function readSpaceId(this: IExecuteFunctions, itemIndex: number, purpose: string): string {
	return readLocatorId.call(this, 'spaceId', itemIndex, {
		label: 'Space ID',
		fix: `set "Space" to the ID of the Space ${purpose} (Get Many on Space lists the Spaces of the account with their IDs).`,
	});
}

/** A plain text ID field of an item, checked like every ID. */
export function requireIdText(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	check: { label: string; fix: string },
): string {
	return requireId.call(this, this.getNodeParameter(name, itemIndex, '') as unknown, itemIndex, check);
}

/**
 * An optional text field of an item: the text, or `undefined` when empty
 * (then it is not sent). Anything but text (an expression gave an object or
 * a number) is refused before any request.
 */
export function optionalText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fix: string,
): string | undefined {
	const value = this.getNodeParameter(name, itemIndex, '') as unknown;
	if (value === undefined || value === null) return undefined;
	if (typeof value !== 'string') {
		throw new NodeOperationError(this.getNode(), `The ${label} must be text`, {
			itemIndex,
			description: `Item ${itemIndex}: "${label}" is ${describeValue(value)}. ${fix}`,
		});
	}
	return value.trim() === '' ? undefined : value;
}

/** A required text field of an item (a Space name): not empty, text. */
export function requiredText(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fix: string,
): string {
	const value = optionalText.call(this, name, label, itemIndex, fix);
	if (value === undefined) {
		throw new NodeOperationError(this.getNode(), `The ${label} is empty`, {
			itemIndex,
			description: `Item ${itemIndex}: ${fix}`,
		});
	}
	return value;
}

/**
 * A list of IDs an item gives in one text field: comma-separated text, or an
 * array from an expression. Empty parts are skipped, repeats sent once, each
 * ID trimmed of the spaces around it (Boomi IDs hold none). `undefined` when
 * there is none (then the list is not sent).
 */
export function idList(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
	fix: string,
): string[] | undefined {
	const raw = this.getNodeParameter(name, itemIndex, '') as unknown;
	const ids: string[] = [];
	const add = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(add);
		if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
		if (typeof value !== 'string') {
			throw new NodeOperationError(this.getNode(), `The ${label} must be IDs as text`, {
				itemIndex,
				description: `Item ${itemIndex}: "${label}" holds ${describeValue(value)}. ${fix}`,
			});
		}
		for (const part of value.split(',')) {
			const id = part.trim();
			if (id !== '' && !ids.includes(id)) ids.push(id);
		}
	};
	if (raw !== undefined && raw !== null && raw !== '') add(raw);
	return ids.length > 0 ? ids : undefined;
}

/** One Space as the node outputs it: Boomi's fields, `null` where Boomi sent none. */
export function normalizeSpace(space: IDataObject): IDataObject {
	const group = space.accountGroup && typeof space.accountGroup === 'object' ? (space.accountGroup as IDataObject) : null;
	const theme = space.theme && typeof space.theme === 'object' ? (space.theme as IDataObject) : null;
	return {
		id: space.id ?? null,
		name: space.name ?? null,
		description: space.description ?? null,
		createdDate: space.createdDate ?? null,
		createdByAccountId: space.createdByAccountId ?? null,
		modifiedDate: space.modifiedDate ?? null,
		modifiedByAccountId: space.modifiedByAccountId ?? null,
		url: space.url ?? null,
		accountGroup: group ? { id: group.id ?? null, name: group.name ?? null } : null,
		theme: theme ? { logoAltTxt: theme.logoAltTxt ?? null, logoUrl: theme.logoUrl ?? null } : null,
	};
}

/** The Space of a Create / Update / Get answer, or an error saying Boomi sent none. */
export function oneSpace(data: unknown, what: string): IDataObject[] {
	if (!data || typeof data !== 'object' || Array.isArray(data)) {
		throw new Error(`Boomi answered ${what} without the Space (and without an error)`);
	}
	return [normalizeSpace(data as IDataObject)];
}
