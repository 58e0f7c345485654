import type { GraphQLDocument } from '../BoomiSpaces/transport';

/**
 * The environments with their atoms (Boomi's environments page documents
 * `atoms { id name }`), so an execution's atom names its environment. The
 * attachment events reuse the Environment › Get Many document instead.
 */
export const atomsDocument: GraphQLDocument = {
	operationName: 'ListEnvironmentAtomsForTrigger',
	field: 'environments',
	query: /* GraphQL */ `query ListEnvironmentAtomsForTrigger {
  environments {
    id
    name
    classification
    atoms {
      id
      name
    }
  }
}`,
};
