import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { normalizeOAuthRecord, oauthKeyProperties, readOAuthKeys } from './oauthConnection';

/**
 * Boomi's `IPackInstanceOAuthConnectorDetails(input)` (capital I, as Boomi
 * spells it), its input object written inline with String variables so the
 * inferred input type name never reaches Boomi. Selects what the page selects
 * (no catalogGuid: the output takes it from the item). Boomi answers `null`
 * when nothing was saved for these keys.
 */
export const document: GraphQLDocument = {
	operationName: 'GetOAuthConnectorDetails',
	field: 'IPackInstanceOAuthConnectorDetails',
	query: /* GraphQL */ `query GetOAuthConnectorDetails($integrationPackInstanceId: String!, $envId: String!, $processId: String!, $connectionId: String!, $catalogGuid: String!) {
  IPackInstanceOAuthConnectorDetails(input: { integrationPackInstanceId: $integrationPackInstanceId, envId: $envId, processId: $processId, connectionId: $connectionId, catalogGuid: $catalogGuid }) {
    id
    integrationPackInstanceId
    envId
    isTokenGenerated
    connectionId
    processId
    oauthConnectorDetails
  }
}`,
};

export const properties = oauthKeyProperties('get');

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return readOAuthKeys.call(this, itemIndex);
}

/**
 * One item: the saved details (`found: true`, connector details parsed, never a
 * client secret), or `found: false` with the keys asked for when Boomi has none.
 */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
		return [
			{
				found: false,
				integrationPackInstanceId: vars.integrationPackInstanceId,
				envId: vars.envId,
				processId: vars.processId,
				connectionId: vars.connectionId,
				catalogGuid: vars.catalogGuid,
			},
		];
	}
	return [normalizeOAuthRecord(data as IDataObject, vars)];
}

export const getOAuthConnection = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
