"""Replays the MLflow Model Registry walkthrough against a running tracking server.

Trains on the project's copy of the wind farm data and registers the walkthrough's model,
`power-forecasting-model`, with the versions, stages and aliases the extension's tests and
demo rely on:

  v1  one-hidden-layer network (MLPRegressor, 100 ReLU units)  Production
  v2  300-tree random forest                                  Production  @champion
  v3  100-tree random forest                                  Staging     @challenger
  v4  linear baseline                                         None

Usage: seed_windfarm.py TRACKING_URI DATA_CSV   (prints one JSON line describing what it made)
"""
import json
import sys
import time
import warnings

warnings.filterwarnings("ignore")

import mlflow  # noqa: E402
import pandas as pd  # noqa: E402
import sklearn  # noqa: E402
from mlflow import MlflowClient  # noqa: E402
from mlflow.models import infer_signature  # noqa: E402
from sklearn.ensemble import RandomForestRegressor  # noqa: E402
from sklearn.linear_model import LinearRegression  # noqa: E402
from sklearn.metrics import mean_squared_error  # noqa: E402
from sklearn.neural_network import MLPRegressor  # noqa: E402
from sklearn.pipeline import make_pipeline  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

MODEL_NAME = "power-forecasting-model"
EXPERIMENT = "wind-farm-power-forecast"
TRUSTED_TYPES = [
    "sklearn.neural_network._stochastic_optimizers.AdamOptimizer",
    "sklearn.tree._tree.Tree",
]
MODEL_DESCRIPTION = (
    "This model forecasts the power output of a wind farm based on weather data. The weather "
    "data consists of three features: wind speed, wind direction, and air temperature, each "
    "sampled three times a day (00, 08 and 16 h)."
)


PIP_REQUIREMENTS = [
    f"mlflow=={mlflow.__version__}",
    f"scikit-learn=={sklearn.__version__}",
    f"pandas=={pd.__version__}",
]


def load(path):
    df = pd.read_csv(path, index_col=0)
    df.index = pd.to_datetime(df.index)
    return df


def split(df):
    # pandas label slices, both ends included, as in the walkthrough
    train = df["2014-01-01":"2018-01-01"]
    validation = df["2018-01-01":"2019-01-01"]
    return train, validation


def xy(df):
    return df.drop(columns=["power"]), df["power"]


def train_and_log(client, experiment_id, estimator, params, tags, x_train, y_train, x_val, y_val):
    with mlflow.start_run(experiment_id=experiment_id, run_name=tags["algorithm"]) as run:
        estimator.fit(x_train, y_train)
        mse = float(mean_squared_error(y_val, estimator.predict(x_val)))
        mlflow.log_params(params)
        mlflow.log_metric("mse", mse)
        mlflow.set_tags(tags)
        example = x_train.head(5)
        signature = infer_signature(example, estimator.predict(example))
        info = mlflow.sklearn.log_model(
            estimator, name="model", signature=signature, input_example=example,
            # skops refuses types it cannot vouch for; these are scikit-learn's own, trained here.
            skops_trusted_types=TRUSTED_TYPES,
            # Named up front: inferring them loads the model in a subprocess, seconds per model.
            pip_requirements=PIP_REQUIREMENTS,
        )
        return run.info.run_id, info.model_uri, info.model_id, mse


def main():
    tracking_uri, data_path = sys.argv[1], sys.argv[2]
    started = time.time()
    mlflow.set_tracking_uri(tracking_uri)
    client = MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)
    experiment_id = client.create_experiment(EXPERIMENT)

    train, validation = split(load(data_path))
    x_train, y_train = xy(train)
    x_val, y_val = xy(validation)

    candidates = [
        (
            make_pipeline(
                StandardScaler(),
                MLPRegressor(hidden_layer_sizes=(100,), activation="relu", solver="adam",
                             max_iter=100, batch_size=64, random_state=0),
            ),
            {"model_type": "MLPRegressor", "hidden_layer_sizes": "(100,)", "activation": "relu",
             "solver": "adam", "loss": "squared_error", "epochs": 100, "batch_size": 64},
            {"algorithm": "mlp"},
            "This model version was built using scikit-learn. It is a feed-forward neural network "
            "(MLPRegressor) with one hidden layer of 100 ReLU units, trained with Adam on the "
            "mean squared error for 100 epochs in batches of 64, on standardised features.",
        ),
        (
            RandomForestRegressor(n_estimators=300, random_state=0, n_jobs=-1),
            {"model_type": "RandomForestRegressor", "n_estimators": 300},
            {"algorithm": "random-forest"},
            "This model version is a random forest containing 300 decision trees that was "
            "trained in scikit-learn.",
        ),
        (
            RandomForestRegressor(n_estimators=100, random_state=0, n_jobs=-1),
            {"model_type": "RandomForestRegressor", "n_estimators": 100},
            {"algorithm": "random-forest"},
            "A lighter random forest of 100 decision trees, trained in scikit-learn: the "
            "challenger to the 300-tree champion.",
        ),
        (
            LinearRegression(),
            {"model_type": "LinearRegression"},
            {"algorithm": "linear"},
            "A linear regression baseline on the nine weather features.",
        ),
    ]

    client.create_registered_model(
        MODEL_NAME, tags={"domain": "energy", "task": "forecasting"}, description=MODEL_DESCRIPTION
    )
    made = []
    for estimator, params, tags, description in candidates:
        run_id, model_uri, model_id, mse = train_and_log(
            client, experiment_id, estimator, params, tags, x_train, y_train, x_val, y_val
        )
        mv = client.create_model_version(
            MODEL_NAME, model_uri, run_id=run_id, description=description, model_id=model_id,
            tags={"algorithm": tags["algorithm"]},
        )
        made.append({"version": mv.version, "run_id": run_id, "model_id": model_id, "mse": mse,
                     "source": mv.source})

    # The walkthrough's stage moves: v1 to Production; v2 to Staging, then Production too.
    client.transition_model_version_stage(MODEL_NAME, "1", "Production")
    client.transition_model_version_stage(MODEL_NAME, "2", "Staging")
    client.transition_model_version_stage(MODEL_NAME, "2", "Production")
    client.set_registered_model_alias(MODEL_NAME, "champion", "2")
    client.transition_model_version_stage(MODEL_NAME, "3", "Staging")
    client.set_registered_model_alias(MODEL_NAME, "challenger", "3")

    print(json.dumps({
        "model": MODEL_NAME,
        "experiment_id": experiment_id,
        "versions": made,
        "mlflow_version": mlflow.__version__,
        "seconds": round(time.time() - started, 1),
    }))


if __name__ == "__main__":
    main()
