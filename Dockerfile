# syntax=docker/dockerfile:1
# Build stage: compile nothing on the runtime image; install the pinned set into a venv.
FROM python:3.11-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.txt /tmp/requirements.txt
RUN /opt/venv/bin/pip install -r /tmp/requirements.txt

# Runtime stage: the venv, the code and the contract; no compilers, no pip cache.
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    HOST=0.0.0.0 \
    PORT=8000
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin wenji
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
COPY service/ /app/service/
COPY openapi.yaml gunicorn.conf.py /app/
# Byte-compile now: the root file system is read-only at run time.
RUN python -m compileall -q /app/service
USER wenji
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=10s --retries=3 \
    CMD ["python", "-c", "import os,urllib.request; urllib.request.urlopen(f'http://127.0.0.1:{os.environ[\"PORT\"]}/healthz', timeout=2)"]
CMD ["gunicorn", "-c", "gunicorn.conf.py", "service.app:create_app()"]
