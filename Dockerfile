# Apport as a container: the wheel built in a first stage, installed in a slim Python image,
# run as an unprivileged user. `apport` is the entrypoint: `slack`, `discord`, `migrate`.
FROM python:3.11-slim AS build
WORKDIR /src
COPY pyproject.toml README.md ./
COPY core core
COPY storage storage
COPY adapters adapters
COPY bot bot
RUN pip wheel --no-cache-dir --wheel-dir /wheels .

FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 MPLCONFIGDIR=/tmp/matplotlib
COPY --from=build /wheels /wheels
RUN pip install --no-cache-dir /wheels/*.whl && rm -rf /wheels \
    && useradd --system --uid 10001 --home-dir /home/apport --create-home apport
USER apport
WORKDIR /home/apport
EXPOSE 3000
ENTRYPOINT ["apport"]
CMD ["slack", "--no-migrate"]
