/** Recognizers for GraphQL and API-gateway CLIs (Hasura, Apollo rover, Kong deck, tyk-sync, grpcurl, Postman collection runners): which endpoint, variant or control plane a command acts on, and whether it only reads. */
package dev.interlock.analysis.shell.recognizers.gateways;
