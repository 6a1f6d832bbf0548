"""What MLflow's own Python client makes of models:/ URIs, as the reference for our resolver.

Usage: resolve_uri.py [--parse-only] TRACKING_URI URI...

Prints one JSON object keyed by URI. Each value is one of:
  {"parse_error": "..."}                                 _parse_model_uri refused the text
  {"parsed": {...}, "model_id": "m-..."}                 a logged-model URI (not resolved)
  {"parsed": {...}, "name": ..., "version": "7", "as_parsed": "007"}
                                                         get_model_name_and_version, then
                                                         get_model_version (what a load reads)
  {"parsed": {...}, "error_code": "...", "message": "..."}   resolution failed at the server
With --parse-only nothing is sent to the server: only "parsed" or "parse_error".
"""
import json
import logging
import os
import sys
import warnings

warnings.filterwarnings("ignore")
logging.disable(logging.CRITICAL)
os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "0")

from mlflow import MlflowClient  # noqa: E402
from mlflow.exceptions import MlflowException  # noqa: E402
from mlflow.store.artifact.utils.models import (  # noqa: E402
    _parse_model_uri,
    get_model_name_and_version,
)


def main(argv):
    parse_only = False
    if argv and argv[0] == "--parse-only":
        parse_only, argv = True, argv[1:]
    if not argv:
        sys.stderr.write(__doc__)
        return 2
    tracking_uri, uris = argv[0], argv[1:]
    client = None if parse_only else MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    out = {}
    for uri in uris:
        try:
            p = _parse_model_uri(uri)
        except MlflowException as e:
            out[uri] = {"parse_error": e.message}
            continue
        entry = {"parsed": {"model_id": p.model_id, "name": p.name, "version": p.version, "stage": p.stage, "alias": p.alias}}
        out[uri] = entry
        if parse_only:
            continue
        try:
            resolved = get_model_name_and_version(client, uri)
            if len(resolved) == 1:
                entry["model_id"] = resolved[0]
                continue
            name, version = resolved
            entry["as_parsed"] = version
            entry["name"] = name
            entry["version"] = client.get_model_version(name, version).version
        except MlflowException as e:
            entry["error_code"] = e.error_code
            entry["message"] = e.message
    sys.stdout.write(json.dumps(out) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
