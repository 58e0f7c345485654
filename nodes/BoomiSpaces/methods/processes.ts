import type { GraphQLDocument } from '../transport';

/**
 * The processes of one integration pack instance, for the process picker
 * (the Get Processes operation selects more: schedules).
 */
export const processesDocument: GraphQLDocument = {
	operationName: 'ListProcessesForPicker',
	field: 'integrationPackInstanceProcesses',
	query: /* GraphQL */ `query ListProcessesForPicker($integrationPackInstanceId: ID!) {
  integrationPackInstanceProcesses(integrationPackInstanceId: $integrationPackInstanceId) {
    id
    name
  }
}`,
};
