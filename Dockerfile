# The service image: build with the .NET 10 SDK, run on the ASP.NET Core runtime.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/CbpCenters.Server -c Release -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
COPY workflows ./workflows
ENV ASPNETCORE_URLS=http://+:8080 \
    Workflows__Folder=/app/workflows
EXPOSE 8080
ENTRYPOINT ["dotnet", "CbpCenters.Server.dll"]
