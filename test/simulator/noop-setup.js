'use strict';
// A jest globalSetup that does nothing: lets the simulator's own tests run
// (npx jest --globalSetup ./test/simulator/noop-setup.js test/simulator.test.js)
// while the package's TypeScript is mid-edit and the default tsc build would fail.
module.exports = async function noopGlobalSetup() {};
