import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { describeValue } from '../resourceLocator';
import { parseJsonDocument } from '../jsonInput';
import { asList } from '../listResults';

/**
 * The listing fields of Boomi's two integration pack pages (the details
 * page's selection, which has `modifiedByAccountId`). `submissionStatus` is a
 * union read through `... on ArtifactSubmissionStatus` as the pages do.
 */
export const LISTING_FIELDS = /* GraphQL */ `numberOfResults
    currentPageSize
    spaceArtifactsData {
      id
      spaceArtifact {
        spaceArtifactType
        spaceArtifactId
      }
      modifiedByUserId
      modifiedByAccountId
      lastModifiedDate
      submissionStatus {
        ... on ArtifactSubmissionStatus {
          spaceArtifactStatus
        }
      }
      spaceArtifactListingMetaData {
        catalogArtifactMetaData
      }
    }`;

export const LISTING_TYPES = ['INTEGRATION_PACK', 'default'];

/**
 * `spaceArtifactListingType`: Boomi's page says INTEGRATION_PACK marks the
 * listing as one of the Integration Pack Listing Service and that without it
 * the listing "defaults to a Submissions user". The node sends
 * INTEGRATION_PACK unless the user chooses Boomi's default.
 */
export const listingTypeProperty: INodeProperties = {
	displayName: 'Listing Type',
	name: 'spaceArtifactListingType',
	type: 'options',
	options: [
		{ name: 'Integration Pack', value: 'INTEGRATION_PACK', description: 'Send INTEGRATION_PACK: listings of the Integration Pack Listing Service' },
		{ name: "Not Sent (Boomi's Default)", value: 'default', description: 'Send no listing type; Boomi then answers as for a Submissions user' },
	],
	default: 'INTEGRATION_PACK',
	description:
		"Which listings Boomi returns: INTEGRATION_PACK (the Integration Pack Listing Service, Boomi's only documented value), or no type, which Boomi's page says \"defaults to a Submissions user\"",
};

/** The listing type variable of an item: INTEGRATION_PACK, or not sent. */
export function readListingType(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const value = this.getNodeParameter('spaceArtifactListingType', itemIndex, 'INTEGRATION_PACK') as unknown;
	if (value === 'default' || value === '' || value === undefined || value === null) return {};
	if (value !== 'INTEGRATION_PACK') {
		throw new NodeOperationError(this.getNode(), "The Listing Type must be Integration Pack or Not Sent (Boomi's Default)", {
			itemIndex,
			description: `Item ${itemIndex}: "Listing Type" is ${describeValue(value)}. Choose one from the list (an expression must give INTEGRATION_PACK or default).`,
		});
	}
	return { spaceArtifactListingType: value };
}


/**
 * One listing as the node outputs it: Boomi's fields, the submission status
 * read out of its union, the Space asked for, and the catalog metadata parsed
 * when it is JSON text. Metadata that does not parse is kept as it came and
 * named in `unparsedFields` (never an error). Boomi shows
 * `catalogArtifactMetaData` as a "string", probably JSON [inferred].
 */
export function normalizeListing(listing: IDataObject, spaceId: unknown): IDataObject {
	const artifact = (listing.spaceArtifact && typeof listing.spaceArtifact === 'object' ? listing.spaceArtifact : {}) as IDataObject;
	const status = (listing.submissionStatus && typeof listing.submissionStatus === 'object' ? listing.submissionStatus : {}) as IDataObject;
	const meta = (
		listing.spaceArtifactListingMetaData && typeof listing.spaceArtifactListingMetaData === 'object'
			? listing.spaceArtifactListingMetaData
			: {}
	) as IDataObject;
	const raw = meta.catalogArtifactMetaData;
	const json: IDataObject = {
		id: listing.id ?? null,
		spaceId: typeof spaceId === 'string' ? spaceId : null,
		spaceArtifactType: artifact.spaceArtifactType ?? null,
		spaceArtifactId: artifact.spaceArtifactId ?? null,
		spaceArtifactStatus: status.spaceArtifactStatus ?? null,
		lastModifiedDate: listing.lastModifiedDate ?? null,
		modifiedByUserId: listing.modifiedByUserId ?? null,
		modifiedByAccountId: listing.modifiedByAccountId ?? null,
		catalogArtifactMetaData: raw ?? null,
	};
	if (raw !== undefined && raw !== null && !(typeof raw === 'string' && raw.trim() === '')) {
		const parsed = typeof raw === 'object' ? raw : parseJsonDocument(raw);
		if (parsed === undefined) json.unparsedFields = ['catalogArtifactMetaData'];
		else json.catalogArtifactMetaData = parsed as IDataObject;
	}
	return json;
}

/** The listings of a `spaceArtifactListings` answer (`spaceArtifactsData`), tolerating a bare list. */
export function listingsOf(data: unknown): IDataObject[] {
	if (Array.isArray(data)) return asList(data);
	if (!data || typeof data !== 'object') return [];
	return asList((data as IDataObject).spaceArtifactsData);
}

/** The name a person knows a listing by: the catalog metadata's name, else the artifact ID, else the listing ID. */
export function listingName(listing: IDataObject): string {
	const meta = (listing.spaceArtifactListingMetaData ?? {}) as IDataObject;
	const parsed = parseJsonDocument(meta.catalogArtifactMetaData) as IDataObject | undefined;
	const artifact = (listing.spaceArtifact ?? {}) as IDataObject;
	for (const candidate of [parsed?.name, parsed?.title, parsed?.displayName, artifact.spaceArtifactId, listing.id]) {
		if (typeof candidate === 'string' && candidate.trim() !== '') return candidate;
		if (typeof candidate === 'number') return String(candidate);
	}
	return '';
}
