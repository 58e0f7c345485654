import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue, locatorField, locatorValue, spaceLocator } from '../resourceLocator';
import { readSpaceId } from '../space/shared';
import type { GraphQLDocument, OperationDefinition } from '../types';
import { noSettings } from '../types';
import { LISTING_FIELDS, listingsOf, listingTypeProperty, normalizeListing, readListingType } from './shared';

/**
 * Boomi's `spaceArtifactListings` ("Get details of an Integration Pack"): the
 * listings of a Space with the given listing IDs. The input object is written
 * inline with scalar variables (the page's own query does the same).
 */
export const document: GraphQLDocument = {
	operationName: 'GetSpaceIntegrationPacks',
	field: 'spaceArtifactListings',
	query: /* GraphQL */ `query GetSpaceIntegrationPacks($spaceId: ID!, $spaceArtifactListingIds: [ID!]!, $spaceArtifactListingType: SpaceArtifactListingTypeEnum) {
  spaceArtifactListings(input: { spaceId: $spaceId, spaceArtifactListingIds: $spaceArtifactListingIds, spaceArtifactListingType: $spaceArtifactListingType }) {
    ${LISTING_FIELDS}
  }
}`,
};

export const properties: INodeProperties[] = [
	spaceLocator(
		'The Space the integration pack is listed in: its Space ID, as Get Many on Space returns it. Boomi takes the Space from this field, not from the credential\'s Space GUID.',
	),
	locatorField({
		displayName: 'Integration Pack Listing',
		name: 'spaceArtifactListingIds',
		description:
			"The listing to get: its listing ID (the ID Get Many on Integration Pack returns, not the integration pack's own ID). An expression may give several listing IDs, as an array or comma-separated text; the node outputs one item per listing.",
		searchListMethod: 'searchIntegrationPackListings',
		listPlaceholder: 'Select an integration pack listing...',
		idPlaceholder: 'e.g. 5f0c6a1e-2b7d-4c3e-9a8f-1d2e3f4a5b6c',
	}),
	listingTypeProperty,
];

const FIX_LISTINGS =
	'set "Integration Pack Listing" to a listing ID (Get Many on Integration Pack returns them); an expression may give an array or comma-separated IDs.';

function readListingIds(this: IExecuteFunctions, itemIndex: number): string[] {
	const raw = this.getNodeParameter('spaceArtifactListingIds', itemIndex, '', { extractValue: true }) as unknown;
	const ids: string[] = [];
	const add = (value: unknown): void => {
		if (Array.isArray(value)) return value.forEach(add);
		if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
		if (typeof value !== 'string') {
			throw new NodeOperationError(this.getNode(), 'The Integration Pack Listing must be listing IDs as text', {
				itemIndex,
				description: `Item ${itemIndex}: the expression gave ${describeValue(value)} for "Integration Pack Listing". Give listing IDs as text: one ID, an array of IDs or comma-separated IDs (Get Many on Integration Pack returns them).`,
			});
		}
		for (const part of value.split(',')) {
			const id = part.trim();
			if (id !== '' && !ids.includes(id)) ids.push(id);
		}
	};
	const value = locatorValue(raw);
	if (value !== undefined && value !== null) add(value);
	if (ids.length === 0) {
		throw new NodeOperationError(this.getNode(), 'The Integration Pack Listing ID is empty', {
			itemIndex,
			description: `Item ${itemIndex}: ${FIX_LISTINGS}`,
		});
	}
	return ids;
}

export function variables(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const spaceId = readSpaceId.call(this, itemIndex, 'the integration pack is listed in');
	return { spaceId, spaceArtifactListingIds: readListingIds.call(this, itemIndex), ...readListingType.call(this, itemIndex) };
}

/** One item per listing Boomi returned; none at all is an error naming the IDs asked for. */
export function output(data: unknown, vars: IDataObject): IDataObject[] {
	const listings = listingsOf(data);
	if (listings.length === 0) {
		throw new Error(
			`Boomi returned no integration pack listing for ${(vars.spaceArtifactListingIds as string[]).map((id) => JSON.stringify(id)).join(', ')} in Space ${JSON.stringify(vars.spaceId)} (and no error). Check the listing ID: Get Many on Integration Pack lists the Space's listings.`,
		);
	}
	return listings.map((listing) => normalizeListing(listing, vars.spaceId));
}

export const get = { document, properties, batch: true, variables, settings: noSettings, output } satisfies OperationDefinition;
