import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorField, readLocatorId } from '../resourceLocator';
import type { Judgement, SpaceLists } from '../judging';
import { ENVIRONMENTS_LIST, INSTANCES_LIST, findById, listedAttachments, namesOf } from '../judging';
import type { GraphQLDocument, OperationDefinition } from '../types';

export const document: GraphQLDocument = {
	operationName: 'UnattachIntegrationPackInstance',
	field: 'integrationPackInstanceEnvironmentAttachmentUnattach',
	query: /* GraphQL */ `mutation UnattachIntegrationPackInstance($id: ID!) {
  integrationPackInstanceEnvironmentAttachmentUnattach(id: $id)
}`,
};

export const properties: INodeProperties[] = [
	// The internal name and stored values are released: only the words changed.
	locatorField({
		displayName: 'Attachment',
		name: 'integrationPackInstanceId',
		description:
			'Which integration pack instance to detach from which environment. By ID takes an attachment ID (Attach outputs it) or an instance ID (Boomi then detaches one of its attachments).',
		searchListMethod: 'searchAttachments',
		listPlaceholder: 'Select an attachment...',
		idPlaceholder: 'e.g. QVRUQUNIX0lQQUNLX0VO...',
	}),
];

const ATTACHMENT_PREFIX = 'ATTACH_IPACK_ENV';

/**
 * Decodes Boomi's observed attachment id form: unpadded base64 of
 * `ATTACH_IPACK_ENV<instanceId>:<environmentId>`. The encoding is observed in
 * Boomi's samples, not documented, so anything else yields `undefined` and
 * the caller invents nothing.
 */
export function decodeAttachmentId(
	value: unknown,
): { integrationPackInstanceId: string; environmentId: string } | undefined {
	if (typeof value !== 'string' || !/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 === 1) {
		return undefined;
	}
	let decoded: string;
	try {
		decoded = atob(value);
	} catch {
		return undefined;
	}
	if (!decoded.startsWith(ATTACHMENT_PREFIX) || !/^[\x20-\x7e]+$/.test(decoded)) return undefined;
	const rest = decoded.slice(ATTACHMENT_PREFIX.length);
	const separator = rest.indexOf(':');
	if (separator <= 0 || separator === rest.length - 1) return undefined;
	return {
		integrationPackInstanceId: rest.slice(0, separator),
		environmentId: rest.slice(separator + 1),
	};
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	// Sent untouched: Boomi ids are opaque and compared byte for byte.
	const id = readLocatorId.call(this, 'integrationPackInstanceId', itemIndex, {
		label: 'Attachment ID',
		fix: 'set "Attachment" to the attachment to detach (From List), or to an attachment ID or an integration pack instance ID (By ID).',
	});
	return { id };
}

const ARROW = ' → ';

/**
 * The picker's label of the chosen attachment ("instance → environment"), which
 * n8n stores with the selection: names for the output at no request, and a
 * hint when Boomi no longer knows the attachment (the stored label is stale).
 */
export function settings(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const locator = this.getNodeParameter('integrationPackInstanceId', itemIndex, '') as unknown;
	if (!locator || typeof locator !== 'object' || (locator as IDataObject).mode !== 'list') return {};
	const label = (locator as IDataObject).cachedResultName;
	if (typeof label !== 'string' || !label) return {};
	const at = label.lastIndexOf(ARROW);
	const names = at > 0 ? { instanceName: label.slice(0, at), environmentName: label.slice(at + ARROW.length) } : {};
	return {
		...names,
		rejectedHint: `The attachment chosen in the list ("${label}") may no longer exist: it may have been detached since the list was loaded. Open the list again to refresh it.`,
	};
}

/**
 * What was detached from where first (names when the picker gave them), then
 * n8n's `deleted`-style flag, then the ID sent and Boomi's raw answer.
 */
export function output(data: unknown, vars: IDataObject, itemSettings: IDataObject): IDataObject[] {
	const decoded = decodeAttachmentId(data) ?? decodeAttachmentId(vars.id);
	const json: IDataObject = { detached: true };
	if (decoded) Object.assign(json, decoded);
	if (typeof itemSettings.instanceName === 'string') json.instanceName = itemSettings.instanceName;
	if (typeof itemSettings.environmentName === 'string') json.environmentName = itemSettings.environmentName;
	json.id = vars.id as string;
	json.result = data as string | null;
	return [json];
}

export const unattach = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;

/**
 * Dry Run / Succeed If Already Done: what the lists say about this attachment.
 * "Already detached" needs evidence, never Boomi's "not found" alone (a
 * mistyped ID gets the same answer): the ID decodes to an instance and an
 * environment that both still exist and are no longer attached to each other,
 * or it is an instance ID whose instance is listed without any attachment.
 */
export function judge(vars: IDataObject, itemSettings: IDataObject, lists: SpaceLists): Judgement {
	const id = vars.id as string;
	const attachments = listedAttachments(lists);
	const pickerNames: IDataObject = {};
	if (typeof itemSettings.instanceName === 'string') pickerNames.instanceName = itemSettings.instanceName;
	if (typeof itemSettings.environmentName === 'string') pickerNames.environmentName = itemSettings.environmentName;
	const describe = (instanceId: string, environmentId: string): IDataObject => ({
		id,
		integrationPackInstanceId: instanceId,
		environmentId,
		...pickerNames,
		...namesOf(lists, instanceId, environmentId),
	});

	const listed = attachments.find((attachment) => attachment.id === id);
	if (listed) {
		return {
			state: 'wouldApply',
			evidence: `${ENVIRONMENTS_LIST} lists this attachment (instance ${listed.integrationPackInstanceId} in environment ${listed.environmentId})`,
			fields: describe(listed.integrationPackInstanceId, listed.environmentId),
		};
	}
	const decoded = decodeAttachmentId(id);
	if (decoded) {
		const { integrationPackInstanceId: instanceId, environmentId } = decoded;
		const fields = describe(instanceId, environmentId);
		const missing = [
			findById(lists.instances, instanceId) ? '' : `${INSTANCES_LIST} does not list instance ${instanceId}`,
			findById(lists.environments, environmentId) ? '' : `${ENVIRONMENTS_LIST} does not list environment ${environmentId}`,
		].filter(Boolean);
		if (missing.length > 0) {
			return { state: 'unknownId', evidence: `the ID names instance ${instanceId} and environment ${environmentId}, but ${missing.join(' and ')}`, fields };
		}
		const other = attachments.find((attachment) => attachment.integrationPackInstanceId === instanceId && attachment.environmentId === environmentId);
		if (other) {
			return { state: 'unknownId', evidence: `${ENVIRONMENTS_LIST} shows instance ${instanceId} attached to environment ${environmentId} under another attachment ID (${other.id})`, fields };
		}
		return {
			state: 'alreadyDone',
			evidence: `${INSTANCES_LIST} lists instance ${instanceId} and ${ENVIRONMENTS_LIST} lists environment ${environmentId} without an attachment of that instance`,
			fields,
			done: [{ detached: true, ...fields, result: null }],
		};
	}
	const instance = findById(lists.instances, id);
	if (instance) {
		const own = attachments.filter((attachment) => attachment.integrationPackInstanceId === id);
		const fields: IDataObject = { id, integrationPackInstanceId: id, ...pickerNames, ...namesOf(lists, id) };
		if (own.length === 0) {
			return {
				state: 'alreadyDone',
				evidence: `the ID is an instance ID: ${INSTANCES_LIST} lists the instance and ${ENVIRONMENTS_LIST} shows it attached to no environment`,
				fields,
				done: [{ detached: true, ...fields, result: null }],
			};
		}
		const where = own.map((attachment) => attachment.environmentId).join(', ');
		return {
			state: 'wouldApply',
			evidence:
				own.length === 1
					? `the ID is an instance ID: ${ENVIRONMENTS_LIST} shows the instance attached to environment ${where} (attachment ${own[0].id})`
					: `the ID is an instance ID: ${ENVIRONMENTS_LIST} shows the instance attached to ${own.length} environments (${where}); Boomi detaches one of them (which one is not documented), or refuses`,
			fields: own.length === 1 ? describe(id, own[0].environmentId) : fields,
		};
	}
	return {
		state: 'unknownId',
		evidence: `${ENVIRONMENTS_LIST} lists no attachment with this ID, ${INSTANCES_LIST} lists no instance with it, and it does not decode to an instance and an environment`,
		fields: { id, ...pickerNames },
	};
}
