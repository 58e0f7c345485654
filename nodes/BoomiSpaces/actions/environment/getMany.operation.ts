import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { applyLimit, asList, listSettingsOf, readLimit, returnAllAndLimitProperties } from '../listResults';
import { describeValue } from '../resourceLocator';
import type { GraphQLDocument, OperationDefinition } from '../types';

/**
 * `integrationPackEnvironmentAttachment` is a list despite its singular name
 * (Boomi's Spaces guide); the output calls it `attachments`.
 */
export const document: GraphQLDocument = {
	operationName: 'ListEnvironments',
	field: 'environments',
	query: /* GraphQL */ `query ListEnvironments {
  environments {
    id
    name
    classification
    integrationPackEnvironmentAttachment {
      id
      environmentId
      integrationPackInstanceId
    }
  }
}`,
};

const CLASSIFICATIONS = ['PROD', 'TEST'];

export const properties: INodeProperties[] = [
	...returnAllAndLimitProperties,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		description: 'Conditions an environment must meet to be returned (applied by the node: Boomi lists every environment of the Space)',
		options: [
			{
				displayName: 'Classification',
				name: 'classification',
				type: 'options',
				options: [
					{ name: 'Production (PROD)', value: 'PROD' },
					{ name: 'Test (TEST)', value: 'TEST' },
				],
				default: 'TEST',
				description: "Return only environments of this Boomi classification: PROD (production) or TEST",
			},
		],
	},
];

export function variables(): IDataObject {
	return {};
}

/** Return All / Limit and the classification filter: applied to Boomi's answer, never sent. */
export function settings(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const limit = readLimit.call(this, itemIndex);
	const chosen = (this.getNodeParameter('filters', itemIndex, {}) ?? {}) as IDataObject;
	const filters: IDataObject = {};
	const classification = chosen.classification;
	if (classification !== undefined && classification !== '') {
		const value = typeof classification === 'string' ? classification.trim().toUpperCase() : undefined;
		if (!value || !CLASSIFICATIONS.includes(value)) {
			throw new NodeOperationError(this.getNode(), 'The Classification filter must be PROD or TEST', {
				itemIndex,
				description: `Item ${itemIndex}: the filter is ${describeValue(classification)}. Choose PROD or TEST, or remove the filter to get every environment.`,
			});
		}
		filters.classification = value;
	}
	return { limit, filters };
}

/** One item per environment: id, name, classification and its attachments (each with its attachment ID). */
export function output(data: unknown, _variables: IDataObject, itemSettings: IDataObject): IDataObject[] {
	const settings = listSettingsOf(itemSettings);
	const wanted = settings.filters.classification;
	const environments = asList(data).filter((environment) => !wanted || environment.classification === wanted);
	return applyLimit(environments, settings).map((environment) => ({
		id: environment.id ?? null,
		name: environment.name ?? null,
		classification: environment.classification ?? null,
		attachments: asList(environment.integrationPackEnvironmentAttachment).map((attachment) => ({
			id: attachment.id ?? null,
			environmentId: attachment.environmentId ?? environment.id ?? null,
			integrationPackInstanceId: attachment.integrationPackInstanceId ?? null,
		})),
	}));
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
