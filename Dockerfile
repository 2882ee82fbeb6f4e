FROM python:3.11-slim

ENV PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    KAM_DATA_DIR=/var/lib/kam

# pg_dump and pg_restore for `kam db backup|restore`
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-client \
 && rm -rf /var/lib/apt/lists/*

RUN groupadd --system --gid 10001 kam \
 && useradd --system --uid 10001 --gid kam --home-dir /var/lib/kam --shell /usr/sbin/nologin kam \
 && install -d -o kam -g kam /var/lib/kam

# Dependencies first, from pyproject.toml alone, so a code change does not reinstall them.
COPY pyproject.toml /tmp/kam-src/
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('/tmp/kam-src/pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
 && pip install -r /tmp/requirements.txt \
 && rm /tmp/requirements.txt

COPY . /tmp/kam-src
RUN pip install /tmp/kam-src && rm -rf /tmp/kam-src

USER kam
WORKDIR /var/lib/kam
ENTRYPOINT ["kam"]
CMD ["--help"]
