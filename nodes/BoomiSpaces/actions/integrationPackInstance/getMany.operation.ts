import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyLimit, asList, listSettingsOf, readLimit, returnAllAndLimitProperties } from '../listResults';
import type { GraphQLDocument, OperationDefinition } from '../types';

/** The fields Boomi's Spaces guide documents for the `integrationPackInstances` query. */
export const document: GraphQLDocument = {
	operationName: 'ListIntegrationPackInstances',
	field: 'integrationPackInstances',
	query: /* GraphQL */ `query ListIntegrationPackInstances {
  integrationPackInstances {
    id
    integrationPackOverrideName
    integrationPack {
      id
      name
      description
      installationType
    }
  }
}`,
};

export const properties: INodeProperties[] = [...returnAllAndLimitProperties];

export function variables(): IDataObject {
	return {};
}

/** Return All / Limit: applied to Boomi's answer (the query has no paging), never sent. */
export function settings(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return { limit: readLimit.call(this, itemIndex), filters: {} };
}

/** One item per installed instance, in Boomi's order, fields as Boomi sent them. */
export function output(data: unknown, _variables: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(asList(data), listSettingsOf(itemSettings)).map((instance) => ({
		id: instance.id ?? null,
		integrationPackOverrideName: instance.integrationPackOverrideName ?? null,
		integrationPack: (instance.integrationPack as IDataObject | null | undefined) ?? null,
	}));
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
