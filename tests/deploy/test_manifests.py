"""The deployment files, checked as text: no cluster and no container engine runs here.

Every Kubernetes manifest validates against the Kubernetes API's own schemas (the
kubernetes-validate package ships them, so this runs offline), and then against this service:
probe paths in openapi.yaml, the port and user of the Dockerfile, settings that Settings and
gunicorn.conf.py really read, timeouts that nest. compose.yaml and nginx's config are held to
the same figures, so the three ways of deploying cannot drift apart.
"""

from __future__ import annotations

import ast
import json
import os
import re
import runpy
import shutil
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any
from unittest import mock

import kubernetes_validate
import pytest
import yaml

from contract import check_response, spec
from service.config import Settings

ROOT = Path(__file__).resolve().parent.parent.parent
KUBERNETES = ROOT / "deploy" / "kubernetes"
COMPOSE = ROOT / "deploy" / "compose.yaml"
NGINX = ROOT / "deploy" / "nginx"
DOCKERFILE = (ROOT / "Dockerfile").read_text(encoding="utf-8")
# The oldest Kubernetes still given patches when this was written, and the newest the package knows.
KUBERNETES_VERSIONS = ("1.31", kubernetes_validate.latest_version())


@cache
def manifests() -> dict[str, dict[str, Any]]:
    """Every resource under deploy/kubernetes, by kind (one of each)."""
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(KUBERNETES.glob("*.yaml")):
        for document in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            if document:
                assert document["kind"] not in found, f"two {document['kind']}s"
                found[document["kind"]] = document
    return found


def deployment() -> dict[str, Any]:
    return manifests()["Deployment"]


def container() -> dict[str, Any]:
    (only,) = deployment()["spec"]["template"]["spec"]["containers"]
    return only


def settings_env() -> dict[str, str]:
    return manifests()["ConfigMap"]["data"]


def compose() -> dict[str, Any]:
    return yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))


def proxy_conf() -> str:
    return (NGINX / "wenji.conf").read_text(encoding="utf-8")


def nginx_directive(name: str, *, location: str | None = None) -> str:
    """A directive's value at the server level of wenji.conf, or inside `location = PATH { }`."""
    text = proxy_conf()
    if location is None:
        text = re.sub(r"^location[^{]*\{.*?^\}", "", text, flags=re.MULTILINE | re.DOTALL)
    else:
        text = re.search(rf"^location = {re.escape(location)} \{{(.*?)^\}}", text, re.MULTILINE | re.DOTALL).group(1)  # type: ignore[union-attr]
    (value,) = re.findall(rf"^\s*{name}\s+([^;]+);", text, re.MULTILINE)
    return value


def gunicorn_config(environ: dict[str, str]) -> dict[str, Any]:
    """gunicorn.conf.py as gunicorn sees it in a container with `environ`. Reading it makes a
    metrics directory of its own (gunicorn's exit hook would remove it): removed here."""
    with mock.patch.dict(os.environ, environ, clear=True):
        config = runpy.run_path(str(ROOT / "gunicorn.conf.py"))
        made = os.environ.get("PROMETHEUS_MULTIPROC_DIR") if os.environ.get("WENJI_OWNS_METRICS_DIR") else None
    if made:
        shutil.rmtree(made, ignore_errors=True)
    return config


def variables_read_by_gunicorn_conf() -> set[str]:
    tree = ast.parse((ROOT / "gunicorn.conf.py").read_text(encoding="utf-8"))
    # Module-level names for strings (`_METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"`), to read through them.
    constants = {
        target.id: node.value.value
        for node in tree.body
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant)
        for target in node.targets
        if isinstance(target, ast.Name)
    }
    names = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get"
            and ast.unparse(node.func.value) == "os.environ"
        ):
            key = node.args[0]
            if isinstance(key, ast.Constant):
                names.add(key.value)
            elif isinstance(key, ast.Name) and key.id in constants:
                names.add(constants[key.id])
    return names


def image_uid() -> int:
    match = re.search(r"--uid\s+(\d+)", DOCKERFILE)
    assert match, "the Dockerfile creates no user with a fixed uid"
    return int(match.group(1))


def image_port() -> int:
    return int(re.search(r"^EXPOSE\s+(\d+)", DOCKERFILE, re.MULTILINE).group(1))  # type: ignore[union-attr]


def size_in_bytes(nginx_size: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", nginx_size).groups()  # type: ignore[union-attr]
    return int(number) * 1024 ** {"": 0, "k": 1, "m": 2, "g": 3}[unit.lower()]


def seconds(nginx_time: str) -> int:
    return int(nginx_time.removesuffix("s"))


# Kubernetes: the API's schemas


@pytest.mark.parametrize("version", KUBERNETES_VERSIONS)
@pytest.mark.parametrize(
    "kind", ["ConfigMap", "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget"]
)
def test_manifest_validates_against_the_kubernetes_schema(kind: str, version: str) -> None:
    # strict: a misspelt or misplaced field is an error, not silently ignored as kubectl would.
    kubernetes_validate.validate(manifests()[kind], version, strict=True)


def test_kustomization_lists_every_manifest() -> None:
    kustomization = yaml.safe_load((KUBERNETES / "kustomization.yaml").read_text(encoding="utf-8"))
    on_disk = {path.name for path in KUBERNETES.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == on_disk
    assert [image["name"] for image in kustomization["images"]] == [container()["image"]]


# Kubernetes: what this service relies on


def test_probes_ask_the_paths_the_contract_defines() -> None:
    probes = {name: container()[name]["httpGet"] for name in ("livenessProbe", "readinessProbe", "startupProbe")}
    assert probes["livenessProbe"]["path"] == "/healthz"
    assert probes["readinessProbe"]["path"] == "/readyz"
    for probe in probes.values():
        assert "get" in spec()["paths"][probe["path"]]
        assert probe["port"] == "http"


def test_one_port_from_the_image_to_the_service() -> None:
    (port,) = container()["ports"]
    env = {item["name"]: item["value"] for item in container()["env"]}
    assert port["containerPort"] == int(env["PORT"]) == image_port()
    assert gunicorn_config(env)["bind"] == f"0.0.0.0:{image_port()}"
    (service_port,) = manifests()["Service"]["spec"]["ports"]
    assert service_port["targetPort"] == port["name"] == "http"


def test_selectors_pick_the_deployments_pods() -> None:
    labels = deployment()["spec"]["template"]["metadata"]["labels"]
    for selector in (
        deployment()["spec"]["selector"]["matchLabels"],
        manifests()["Service"]["spec"]["selector"],
        manifests()["PodDisruptionBudget"]["spec"]["selector"]["matchLabels"],
    ):
        assert selector.items() <= labels.items()
    target = manifests()["HorizontalPodAutoscaler"]["spec"]["scaleTargetRef"]
    assert (target["kind"], target["name"]) == ("Deployment", deployment()["metadata"]["name"])


def test_runs_as_the_images_user_with_nothing_writable_but_tmp() -> None:
    pod = deployment()["spec"]["template"]["spec"]["securityContext"]
    box = container()["securityContext"]
    assert pod["runAsNonRoot"] is True and pod["runAsUser"] == image_uid() != 0
    assert box["runAsUser"] == image_uid()
    assert box["readOnlyRootFilesystem"] is True
    assert box["allowPrivilegeEscalation"] is False
    assert box["capabilities"]["drop"] == ["ALL"]
    assert pod["seccompProfile"]["type"] == "RuntimeDefault"
    mounts = {mount["mountPath"]: mount["name"] for mount in container()["volumeMounts"]}
    volumes = {volume["name"]: volume for volume in deployment()["spec"]["template"]["spec"]["volumes"]}
    assert "emptyDir" in volumes[mounts["/tmp"]]


def test_gunicorns_heartbeat_is_on_a_writable_tmpfs() -> None:
    # With a read-only root file system gunicorn's worker tmp dir must be writable; gunicorn's
    # docs advise a tmpfs. The shipped gunicorn.conf.py says so for every way of running it (read
    # as text: executing it would make a metrics directory in this process).
    conf = (ROOT / "gunicorn.conf.py").read_text(encoding="utf-8")
    assert re.search(r'^worker_tmp_dir = "/dev/shm"', conf, re.MULTILINE)


def test_settings_are_ones_the_service_reads() -> None:
    settings = {f"WENJI_{field.name.upper()}" for field in fields(Settings)} - {"WENJI_TESTING"}
    read = settings | variables_read_by_gunicorn_conf()
    unknown = set(settings_env()) - read
    assert not unknown, f"the ConfigMap sets {sorted(unknown)}, which nothing reads"
    # And each value parses as its setting's type.
    assert Settings.from_env(settings_env()) == Settings.from_env({**settings_env(), "WENJI_TESTING": "0"})


def test_pods_stop_only_after_draining() -> None:
    pod = deployment()["spec"]["template"]["spec"]
    pause = container()["lifecycle"]["preStop"]["exec"]["command"]
    assert pause[0] == "sleep"
    graceful = gunicorn_config(settings_env())["graceful_timeout"]
    assert pod["terminationGracePeriodSeconds"] > int(pause[1]) + graceful


def test_workers_match_the_cpu_they_are_given() -> None:
    # Sync workers are CPU-bound: one per CPU of the limit, set explicitly, because
    # os.cpu_count() in a pod sees the whole node.
    workers = gunicorn_config(settings_env())["workers"]
    limit = container()["resources"]["limits"]["cpu"]
    assert workers == int(limit)


def test_the_autoscaler_has_requests_to_measure_against_and_room_to_drain() -> None:
    autoscaler = manifests()["HorizontalPodAutoscaler"]["spec"]
    (metric,) = autoscaler["metrics"]
    assert metric["resource"]["name"] == "cpu"
    assert "cpu" in container()["resources"]["requests"]
    budget = manifests()["PodDisruptionBudget"]["spec"]
    assert autoscaler["minReplicas"] >= 2
    assert budget.get("maxUnavailable", 0) >= 1 or budget["minAvailable"] < autoscaler["minReplicas"]


# compose: the same image, the same settings, behind the shipped nginx


def test_compose_runs_the_image_as_kubernetes_does() -> None:
    wenji = compose()["services"]["wenji"]
    assert wenji["environment"] == settings_env()
    assert wenji["user"] == str(image_uid())
    assert wenji["read_only"] is True
    assert any(mount.startswith("/tmp") for mount in wenji["tmpfs"])
    assert wenji["cap_drop"] == ["ALL"]
    assert "ports" not in wenji, "replicas are reached through nginx only"
    assert wenji["expose"] == [str(image_port())]
    assert (COMPOSE.parent / wenji["build"]["context"] / "Dockerfile").exists()
    assert wenji["deploy"]["replicas"] >= 2
    grace = int(wenji["stop_grace_period"].removesuffix("s"))
    assert grace > gunicorn_config(settings_env())["graceful_timeout"]


def test_compose_nginx_mounts_the_shipped_config_and_stays_on_loopback() -> None:
    nginx = compose()["services"]["nginx"]
    mounts = dict(volume.split(":")[:2] for volume in nginx["volumes"])
    for source in mounts:
        assert (COMPOSE.parent / source).is_file()
    main = (NGINX / "nginx.conf").read_text(encoding="utf-8")
    (included,) = re.findall(r"^\s*include\s+([^;]+);", main, re.MULTILINE)
    assert mounts["./nginx/wenji.conf"] == included
    assert mounts["./nginx/nginx.conf"] == "/etc/nginx/nginx.conf"
    assert re.search(rf"server\s+wenji:{image_port()}\s", main)
    assert all(port.startswith("127.0.0.1:") for port in nginx["ports"])
    assert nginx["depends_on"]["wenji"]["condition"] == "service_healthy"


# nginx: the buffering proxy


def test_nginx_refuses_exactly_what_the_service_would() -> None:
    shipped = Settings.from_env(settings_env())
    assert shipped.max_body_bytes == Settings().max_body_bytes
    assert shipped.batch_max_bytes == Settings().batch_max_bytes
    assert size_in_bytes(nginx_directive("client_max_body_size")) == shipped.max_body_bytes
    batch = nginx_directive("client_max_body_size", location="/v1/documents/batch")
    assert size_in_bytes(batch) == shipped.batch_max_bytes
    # ...and says so in its own 413: the limit of the location the request went to.
    limits = re.findall(r"set \$wenji_body_limit (\d+);", proxy_conf())
    assert [int(limit) for limit in limits] == [shipped.max_body_bytes, shipped.batch_max_bytes]
    assert "/v1/documents/batch" in spec()["paths"]


def test_nginx_buffers_both_ways_and_routes_around_dead_replicas() -> None:
    assert nginx_directive("proxy_request_buffering") == "on"
    assert nginx_directive("proxy_buffering") == "on"
    assert {"error", "timeout", "http_502", "http_503"} <= set(nginx_directive("proxy_next_upstream").split())
    # gunicorn, not nginx, decides when a request is stuck.
    timeout = gunicorn_config(settings_env())["timeout"]
    assert seconds(nginx_directive("proxy_read_timeout")) > timeout


def problem_bodies() -> list[tuple[int, str]]:
    return [
        (int(status), body.replace("\\n", "\n"))
        for status, body in re.findall(r"^\s*return\s+(\d{3})\s+'([^']*)';", proxy_conf(), re.MULTILINE)
    ]


def test_every_error_nginx_answers_itself_is_a_problem_the_contract_accepts() -> None:
    pages = dict(re.findall(r"^error_page\s+(\d{3})\s+(\S+);", proxy_conf(), re.MULTILINE))
    assert {"413", "502", "503", "504"} <= set(pages)
    for page in pages.values():
        assert re.search(rf"location = {re.escape(page)} {{\s*internal;", proxy_conf())
    assert len(problem_bodies()) == len(pages)
    for status, body in problem_bodies():
        filled = (
            body.replace("$wenji_request_id", "0123456789abcdef")
            .replace("$wenji_instance", "/v1/documents")
            .replace("$wenji_body_limit", "20971520")
        )
        assert json.loads(filled)["status"] == status
        check_response("POST", "/v1/documents", status, "application/problem+json", filled.encode())
