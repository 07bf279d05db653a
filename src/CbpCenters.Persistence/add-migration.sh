#!/usr/bin/env bash
# Adds a migration with the same name for each database: ./add-migration.sh AddCases
set -euo pipefail
name=${1:?usage: add-migration.sh <MigrationName>}
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
for provider in Sqlite PostgreSql SqlServer; do
  dotnet dotnet-ef migrations add "$name" \
    --project src/CbpCenters.Persistence --startup-project src/CbpCenters.Persistence \
    --context "${provider}CbpCentersDbContext" --output-dir "Migrations/$provider"
done
