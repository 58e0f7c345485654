import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { integrationPackInstanceLocator, locatorValue, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

export const document: GraphQLDocument = {
	operationName: 'UninstallIntegrationPackInstance',
	field: 'integrationPackInstanceUninstall',
	query: /* GraphQL */ `mutation UninstallIntegrationPackInstance($id: ID!) {
  integrationPackInstanceUninstall(id: $id)
}`,
};

export const properties: INodeProperties[] = [
	integrationPackInstanceLocator(
		'The installed integration pack instance to uninstall from the Space, as returned by Install or Get Many (the ID in their output). Sent to Boomi unchanged.',
	),
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const raw = this.getNodeParameter('integrationPackInstanceId', itemIndex, '', { extractValue: true }) as unknown;
	const id = requireId.call(this, locatorValue(raw), itemIndex, {
		label: 'Integration Pack Instance ID',
		fix: 'set "Integration Pack Instance" to the ID of the installed instance to uninstall.',
	});
	return { id };
}

/** One item: n8n's `deleted`-style flag, the id sent and Boomi's answer (in Boomi's sample, the same id). */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	return [{ uninstalled: true, id: vars.id as string, result: (data as string | null | undefined) ?? null }];
}

export const uninstall = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
