import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, requireId } from '../resourceLocator';
import type { Judgement, SpaceLists } from '../judging';
import { INSTANCES_LIST } from '../judging';
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

/**
 * Dry Run / Succeed If Already Done, from Integration Pack Instance › Get Many:
 * a single-install pack (installation type SINGLE) is already installed when
 * an instance of it is listed; a multi-install pack (MULTI) when an instance
 * with the same override name is listed. When the list gives no installation
 * type, the override name decides: given → an instance with that name, empty →
 * any instance of the pack (Boomi requires the name only for multi-install packs).
 */
export function judge(vars: IDataObject, _settings: IDataObject, lists: SpaceLists): Judgement {
	const input = vars.input as IDataObject;
	const integrationPackId = input.integrationPackId as string;
	const overrideName = typeof input.integrationPackOverrideName === 'string' ? input.integrationPackOverrideName.trim() : '';
	const fields: IDataObject = { integrationPackId, integrationPackOverrideName: overrideName || null };
	const installed = lists.instances.filter((instance) => (instance.integrationPack as IDataObject | null | undefined)?.id === integrationPackId);
	if (installed.length === 0) {
		return { state: 'wouldApply', evidence: `${INSTANCES_LIST} lists no instance of integration pack ${integrationPackId}`, fields };
	}
	const type = installed.map((instance) => (instance.integrationPack as IDataObject).installationType).find((value) => typeof value === 'string');
	const done = (instance: IDataObject, evidence: string): Judgement => ({
		state: 'alreadyDone',
		evidence,
		fields: { ...fields, id: instance.id ?? null },
		done: [{ id: instance.id ?? null, integrationPackId, integrationPackOverrideName: instance.integrationPackOverrideName ?? null }],
	});
	const single = type === 'SINGLE' || (type === undefined && overrideName === '');
	if (single) {
		return done(installed[0], `${INSTANCES_LIST} lists instance ${String(installed[0].id)} of integration pack ${integrationPackId}, which is ${type === 'SINGLE' ? 'single-install' : 'taken as single-install (no installation type listed, no override name given)'}`);
	}
	if (overrideName === '') {
		return { state: 'wouldFail', evidence: `integration pack ${integrationPackId} is multi-install (${INSTANCES_LIST}); Boomi requires an Integration Pack Override Name for it`, fields };
	}
	const named = installed.find((instance) => typeof instance.integrationPackOverrideName === 'string' && instance.integrationPackOverrideName.trim() === overrideName);
	if (named) {
		return done(named, `${INSTANCES_LIST} lists instance ${String(named.id)} of multi-install integration pack ${integrationPackId} named "${overrideName}"`);
	}
	return { state: 'wouldApply', evidence: `${INSTANCES_LIST} lists no instance of integration pack ${integrationPackId} named "${overrideName}"`, fields };
}
