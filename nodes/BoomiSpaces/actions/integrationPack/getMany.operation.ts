import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { applyLimit, limitSettings, listSettingsOf, returnAllAndLimitProperties } from '../listResults';
import { spaceLocator } from '../resourceLocator';
import { readSpaceId } from '../space/shared';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { LISTING_FIELDS, listingsOf, listingTypeProperty, normalizeListing, readListingType } from './shared';

/**
 * Boomi's `spaceArtifactListings` ("Get Integration Pack metadata for a
 * Space"): the integration packs listed in a Space, chosen by `spaceId` in the
 * input (no SPACE_GUID). The input object is written inline with scalar
 * variables, so its type name never reaches Boomi.
 */
export const document: GraphQLDocument = {
	operationName: 'ListSpaceIntegrationPacks',
	field: 'spaceArtifactListings',
	query: /* GraphQL */ `query ListSpaceIntegrationPacks($spaceId: ID!, $spaceArtifactListingType: SpaceArtifactListingTypeEnum) {
  spaceArtifactListings(input: { spaceId: $spaceId, spaceArtifactListingType: $spaceArtifactListingType }) {
    ${LISTING_FIELDS}
  }
}`,
};

export const properties: INodeProperties[] = [
	spaceLocator(
		'The Space whose integration pack listings to get: its Space ID, as Get Many on Space returns it. Boomi takes the Space from this field, not from the credential\'s Space GUID.',
	),
	listingTypeProperty,
	...returnAllAndLimitProperties,
];

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	return { spaceId: readSpaceId.call(this, itemIndex, 'whose integration packs to list'), ...readListingType.call(this, itemIndex) };
}

/** Return All / Limit: applied to Boomi's answer, never sent. */
export const settings = limitSettings;

/** One item per listing, in Boomi's order, catalog metadata parsed when it is JSON. */
export function output(data: unknown, vars: IDataObject, itemSettings: IDataObject): IDataObject[] {
	return applyLimit(listingsOf(data), listSettingsOf(itemSettings)).map((listing) => normalizeListing(listing, vars.spaceId));
}

export const getMany = { document, properties, batch: true, variables, settings, output } satisfies OperationDefinition;
