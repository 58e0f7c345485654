import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { locatorValue, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';

export const document: GraphQLDocument = {
	operationName: 'UninstallIntegrationPackInstance',
	field: 'integrationPackInstanceUninstall',
	query: /* GraphQL */ `mutation UninstallIntegrationPackInstance($id: ID!) {
  integrationPackInstanceUninstall(id: $id)
}`,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Integration Pack Instance',
		name: 'integrationPackInstanceId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			'The installed integration pack instance to uninstall from the Space, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: 'Select an installed integration pack instance...',
				typeOptions: { searchListMethod: 'searchIntegrationPackInstances', searchable: true },
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

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('integrationPackInstanceId', itemIndex, '', { extractValue: true }) as unknown;
	const id = requireId.call(this, locatorValue(raw), itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance to uninstall.',
	});
	return { id };
}

/** One item: the id sent and Boomi's answer (in Boomi's sample, the same id). */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return [{ id: vars.id as string, result: (data as string | null | undefined) ?? null }];
}

export const uninstall: OperationDefinition = { document, properties, variables, output };
