import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

export const document: GraphQLDocument = {
	operationName: 'UnattachIntegrationPackInstance',
	field: 'integrationPackInstanceEnvironmentAttachmentUnattach',
	query: /* GraphQL */ `mutation UnattachIntegrationPackInstance($id: ID!) {
  integrationPackInstanceEnvironmentAttachmentUnattach(id: $id)
}`,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Integration Pack Instance',
		name: 'integrationPackInstanceId',
		type: 'resourceLocator',
		default: { mode: 'id', value: '' },
		required: true,
		description:
			"The ID of the installed integration pack instance to detach from its environment, as Boomi's Unattach page describes it (returned by the Install mutation). An environment attachment ID, as returned by Attach or listed under an environment's attachments by Get Many on Environment, is accepted too and detaches exactly that attachment; From List shows the current attachments. Sent to Boomi unchanged.",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an attachment (instance → environment)...',
				typeOptions: { searchListMethod: 'searchAttachments', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. SW50ZWdyYXRpb25QYWNrSW5zdGFuY2UzNDQ4Ng',
			},
		],
	},
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
	const raw = this.getNodeParameter('integrationPackInstanceId', itemIndex, '', { extractValue: true }) as unknown;
	// Sent untouched: Boomi ids are opaque and compared byte for byte.
	const id = requireId.call(this, locatorValue(raw), itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the instance to detach (or an environment attachment ID).',
	});
	return { id };
}

export function output(data: unknown, vars: IDataObject): IDataObject[] {
	const json: IDataObject = { id: vars.id as string, result: data as string | null };
	const decoded = decodeAttachmentId(data);
	if (decoded) Object.assign(json, decoded);
	return [json];
}

export const unattach = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
