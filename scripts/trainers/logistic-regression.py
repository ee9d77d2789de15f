#!/usr/bin/python3
"""A pipeline's own trainer (the `trainer:` key): scikit-learn's logistic regression (a linear regression
when MLOPS_TASK is regression), written out as ONNX.

It reads what mlops hands a trainer (MLOPS_TRAIN_DATA, MLOPS_TARGET, MLOPS_FEATURES, MLOPS_SEED,
MLOPS_OUTPUT), fits StandardScaler + LogisticRegression, and writes the fitted parameters as an ONNX
graph with onnx.helper, in double precision throughout (Sub, Div, MatMul, Add, then Softmax, or Sigmoid
for two classes, as scikit-learn computes predict_proba). ai.onnx.ml's LinearClassifier keeps float32
coefficients, which would not agree with scikit-learn exactly. Debian has python3-sklearn and
python3-onnx but no skl2onnx, hence the graph by hand.

With MLOPS_ZIPMAP=1 the probabilities end in a ZipMap, as skl2onnx writes classifiers by default.
With MLOPS_PREDICT=file.csv it also writes scikit-learn's own labels and probabilities for that file's
rows to MLOPS_PREDICT_OUTPUT (JSON), which tests compare against without Python.
"""
import json
import os

import numpy as np
import pandas as pd
from onnx import TensorProto, TypeProto, helper, numpy_helper
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler


def double(name, array):
    return numpy_helper.from_array(np.asarray(array, dtype=np.float64), name)


def filled_and_scaled(scaler):
    """Missing values (NaN) as training saw them (0), then scaled: the nodes and their constants."""
    init = [double("mean", scaler.mean_), double("scale", scaler.scale_), double("nan_fill", [0.0])]
    nodes = [helper.make_node("IsNaN", ["X"], ["missing"]), helper.make_node("Where", ["missing", "nan_fill", "X"], ["filled"]),
             helper.make_node("Sub", ["filled", "mean"], ["centred"]), helper.make_node("Div", ["centred", "scale"], ["scaled"])]
    return init, nodes


def graph_of(scaler, model, features, classes, zipmap=False):
    f, c = len(features), len(classes)
    init, nodes = filled_and_scaled(scaler)
    init.append(helper.make_tensor("classes", TensorProto.STRING, [c], [str(k).encode() for k in classes]))
    if c == 2:
        # scikit-learn's binary model: one decision value d; P(classes[1]) = expit(d); label = d > 0.
        init += [double("w", model.coef_.T), double("b", model.intercept_), double("one", [1.0]), double("zero", [0.0])]
        nodes += [
            helper.make_node("MatMul", ["scaled", "w"], ["xw"]),
            helper.make_node("Add", ["xw", "b"], ["decision"]),
            helper.make_node("Sigmoid", ["decision"], ["p1"]),
            helper.make_node("Sub", ["one", "p1"], ["p0"]),
            helper.make_node("Concat", ["p0", "p1"], ["probabilities"], axis=1),
            helper.make_node("Greater", ["decision", "zero"], ["positive"]),
            helper.make_node("Cast", ["positive"], ["index2d"], to=TensorProto.INT64),
            helper.make_node("Flatten", ["index2d"], ["index_flat"], axis=0),
            helper.make_node("Squeeze", ["index_flat", "axis0"], ["index"]),
        ]
        init.append(numpy_helper.from_array(np.array([0], dtype=np.int64), "axis0"))
    else:
        init += [double("w", model.coef_.T), double("b", model.intercept_)]
        nodes += [
            helper.make_node("MatMul", ["scaled", "w"], ["xw"]),
            helper.make_node("Add", ["xw", "b"], ["decision"]),
            helper.make_node("Softmax", ["decision"], ["probabilities"], axis=1),
            helper.make_node("ArgMax", ["decision"], ["index"], axis=1, keepdims=0),
        ]
    nodes.append(helper.make_node("Gather", ["classes", "index"], ["label"], axis=0))
    inputs = [helper.make_tensor_value_info("X", TensorProto.DOUBLE, ["N", f])]
    outputs = [helper.make_tensor_value_info("label", TensorProto.STRING, ["N"])]
    if zipmap:
        # As skl2onnx ends a classifier by default: float probabilities zipped into a sequence of maps.
        nodes += [helper.make_node("Cast", ["probabilities"], ["probabilities_float"], to=TensorProto.FLOAT),
                  helper.make_node("ZipMap", ["probabilities_float"], ["output_probability"], domain="ai.onnx.ml",
                                   classlabels_strings=[str(k) for k in classes])]
        entry = TypeProto()  # onnx 1.12's helper has no make_map_type_proto
        entry.map_type.key_type = TensorProto.STRING
        entry.map_type.value_type.CopyFrom(helper.make_tensor_type_proto(TensorProto.FLOAT, []))
        zipped = helper.make_sequence_type_proto(entry)
        outputs.append(helper.make_value_info("output_probability", zipped))
    else:
        outputs.append(helper.make_tensor_value_info("probabilities", TensorProto.DOUBLE, ["N", c]))
    return helper.make_graph(nodes, "logistic_regression", inputs, outputs, init)


def regression_graph(scaler, model, features):
    """LinearRegression on the scaled features: prediction = scaled · w + b, [N, 1] double."""
    init, nodes = filled_and_scaled(scaler)
    init += [double("w", np.asarray(model.coef_).reshape(-1, 1)), double("b", np.asarray([model.intercept_]))]
    nodes += [helper.make_node("MatMul", ["scaled", "w"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["prediction"])]
    inputs = [helper.make_tensor_value_info("X", TensorProto.DOUBLE, ["N", len(features)])]
    outputs = [helper.make_tensor_value_info("prediction", TensorProto.DOUBLE, ["N", 1])]
    return helper.make_graph(nodes, "linear_regression", inputs, outputs, init)


def main():
    target = os.environ["MLOPS_TARGET"]
    features = json.loads(os.environ["MLOPS_FEATURES"])
    # Labels are text to the suite: read every column as text, then the features as numbers.
    data = pd.read_csv(os.environ["MLOPS_TRAIN_DATA"], dtype=str, keep_default_na=False)
    # Missing values are 0 here and in the graph (IsNaN, Where): the model handles every row it is given.
    x = data[features].replace("", np.nan).astype(np.float64).fillna(0.0).to_numpy()
    regression = os.environ.get("MLOPS_TASK") == "regression"
    y = data[target].astype(np.float64).to_numpy() if regression else data[target].to_numpy()
    seed = int(os.environ.get("MLOPS_SEED", "1"))
    estimator = LinearRegression() if regression else LogisticRegression(max_iter=2000, random_state=seed)
    fitted = make_pipeline(StandardScaler(), estimator)
    fitted.fit(x, y)
    scaler, model = fitted.steps[0][1], fitted.steps[1][1]
    zipmap = os.environ.get("MLOPS_ZIPMAP") == "1"
    graph = regression_graph(scaler, model, features) if regression else graph_of(scaler, model, features, list(model.classes_), zipmap)
    opsets = [helper.make_opsetid("", 17)] + ([helper.make_opsetid("ai.onnx.ml", 3)] if zipmap else [])
    onnx_model = helper.make_model(graph, producer_name="scripts/trainers/logistic-regression.py", opset_imports=opsets)
    onnx_model.ir_version = 8
    tmp = os.environ["MLOPS_OUTPUT"] + ".tmp"
    with open(tmp, "wb") as out:
        out.write(onnx_model.SerializeToString())
    os.replace(tmp, os.environ["MLOPS_OUTPUT"])

    if os.environ.get("MLOPS_PREDICT"):
        rows = pd.read_csv(os.environ["MLOPS_PREDICT"], dtype=str, keep_default_na=False)
        xp = rows[features].replace("", np.nan).astype(np.float64).fillna(0.0).to_numpy()
        if regression:
            result = {"predictions": fitted.predict(xp).tolist()}
        else:
            result = {"classes": [str(k) for k in model.classes_], "labels": [str(k) for k in fitted.predict(xp)],
                      "probabilities": fitted.predict_proba(xp).tolist()}
        with open(os.environ["MLOPS_PREDICT_OUTPUT"], "w") as out:
            json.dump(result, out)


if __name__ == "__main__":
    main()
