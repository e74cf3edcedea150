package io.flagtrail.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract check finds what it is there to find: it can fail. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            openapi: 3.1.0
            paths:
              /api/v1/features/{key}:
                get:
                  responses:
                    "200":
                      content:
                        application/json:
                          schema:
                            $ref: '#/components/schemas/Feature'
                    "404":
                      content:
                        application/problem+json:
                          schema:
                            type: object
                            required: [status]
              /api/v1/auth/logout:
                post:
                  responses:
                    "204":
                      description: none
            components:
              schemas:
                Feature:
                  type: object
                  required: [key, version]
                  properties:
                    key:
                      type: string
                    version:
                      type: integer
                    before:
                      type: [object, "null"]
                    state:
                      enum: [ACTIVE, DELETED]
            """;

    private final OpenApiContract contract = new OpenApiContract(DOCUMENT);

    @Test
    void an_answer_that_agrees_has_no_violation() {
        var answer = new OpenApiContract.Answer("GET", "/api/v1/features/a?asOf=x", 200, "application/json",
                Map.of("key", "a", "version", 3, "state", "ACTIVE"));
        assertEquals(Set.of(), contract.violations(List.of(answer,
                new OpenApiContract.Answer("POST", "/api/v1/auth/logout", 204, null, null),
                new OpenApiContract.Answer("GET", "/health", 500, "text/plain", "not described"))));
    }

    @Test
    void every_kind_of_disagreement_is_named() {
        var answers = List.of(
                new OpenApiContract.Answer("GET", "/api/v1/features/a", 200, "application/json",
                        Map.of("key", 7, "before", List.of(), "state", "GONE")),
                new OpenApiContract.Answer("GET", "/api/v1/features/a", 500, "application/problem+json", Map.of()),
                new OpenApiContract.Answer("GET", "/api/v1/features/a", 404, "text/html", "<html>"),
                new OpenApiContract.Answer("POST", "/api/v1/auth/logout", 200, "application/json", Map.of()),
                new OpenApiContract.Answer("DELETE", "/api/v1/features/a", 200, null, null));

        assertEquals(Set.of(
                "GET /api/v1/features/{key} 200 body: required version missing",
                "GET /api/v1/features/{key} 200 body.key: Integer where the document says string",
                "GET /api/v1/features/{key} 200 body.before: an array where the document says [object, null]",
                "GET /api/v1/features/{key} 200 body.state: GONE is not one of [ACTIVE, DELETED]",
                "GET /api/v1/features/{key} 500: status not documented",
                "GET /api/v1/features/{key} 404: content type text/html not documented (documented: [application/problem+json])",
                "POST /api/v1/auth/logout 200: status not documented",
                "DELETE /api/v1/features/{key}: no such operation"), contract.violations(answers));
    }
}
