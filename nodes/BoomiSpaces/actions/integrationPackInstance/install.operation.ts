import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, requireId } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';

export const document: GraphQLDocument = {
	operationName: 'InstallIntegrationPack',
	field: 'integrationPackInstanceInstall',
	query: /* GraphQL */ `mutation InstallIntegrationPack($input: IntegrationPackInstanceInput!) {
  integrationPackInstanceInstall(input: $input) {
    id
    integrationPackId
    integrationPackOverrideName
  }
}`,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Integration Pack ID',
		name: 'integrationPackId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 10123',
		description:
			'The ID of the integration pack to install in the Space (the integration pack ID, not the ID of an installed instance). Get Many on Integration Pack Instance shows the pack IDs of what is already installed.',
	},
	{
		displayName: 'Integration Pack Override Name',
		name: 'integrationPackOverrideName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Order Sync - Acme',
		description:
			'Name of this installed instance. Boomi requires it for multi-install integration packs (installation type MULTI), which can be installed several times, each under its own name; leave it empty for single-install packs. Sent only when not empty.',
	},
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const integrationPackId = requireId.call(
		this,
		this.getNodeParameter('integrationPackId', itemIndex, '') as unknown,
		itemIndex,
		{
			label: 'Integration Pack ID',
			fix: 'set "Integration Pack ID" to the ID of the integration pack to install.',
		},
	);
	const overrideName = this.getNodeParameter('integrationPackOverrideName', itemIndex, '') as unknown;
	const input: IDataObject = { integrationPackId };
	if (typeof overrideName === 'string') {
		if (overrideName.trim() !== '') input.integrationPackOverrideName = overrideName;
	} else if (overrideName !== undefined && overrideName !== null) {
		throw new NodeOperationError(this.getNode(), 'The Integration Pack Override Name must be text', {
			itemIndex,
			description: `Item ${itemIndex}: the expression gave ${describeValue(overrideName)}. Set "Integration Pack Override Name" to the name of the new instance, or leave it empty for a single-install pack.`,
		});
	}
	return { input };
}

/** One item: the installed instance, with the ID that Attach, Unattach and Uninstall take. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	if (!data || typeof data !== 'object') {
		throw new Error('Boomi answered the install without the installed instance');
	}
	const instance = data as IDataObject;
	const input = vars.input as IDataObject;
	return [
		{
			id: instance.id ?? null,
			integrationPackId: instance.integrationPackId ?? input.integrationPackId,
			integrationPackOverrideName: instance.integrationPackOverrideName ?? null,
		},
	];
}

export const install = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
