// The part of ms-python.python's API the MLflow Registry extension reads (environments), with
// the interpreter the test bed names. Installed only into the extension-host suite's code-server.
const vscode = require('vscode');

exports.activate = () => {
  const path = process.env.MLFLOW_REGISTRY_EXTHOST_PYTHON || '';
  const envPath = { id: path, path };
  return {
    ready: Promise.resolve(),
    environments: {
      getActiveEnvironmentPath: () => envPath,
      resolveEnvironment: async (env) => (env && env.path ? { executable: { uri: vscode.Uri.file(env.path) } } : undefined),
    },
  };
};
exports.deactivate = () => undefined;
