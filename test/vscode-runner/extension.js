// Runs the suite named by MLFLOW_REGISTRY_EXTHOST_TESTS (a module exporting run()) inside the
// extension host and writes its results to MLFLOW_REGISTRY_EXTHOST_RESULTS. The product's VSIX
// has no test hooks: this separate extension is installed next to it only by the test script.
const fs = require('fs');

exports.activate = async function activate() {
  const entry = process.env.MLFLOW_REGISTRY_EXTHOST_TESTS;
  const results = process.env.MLFLOW_REGISTRY_EXTHOST_RESULTS;
  if (!entry || !results) return;
  let outcome;
  try {
    outcome = await require(entry).run();
  } catch (e) {
    outcome = { passes: 0, failures: 1, tests: [], error: String((e && e.stack) || e) };
  }
  fs.writeFileSync(results + '.tmp', JSON.stringify(outcome, null, 2));
  fs.renameSync(results + '.tmp', results);
};

exports.deactivate = function deactivate() {};
