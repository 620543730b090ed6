// The OpenAPI 3 description of the native API (`/api/v1`), served at
// `GET /api/v1/openapi.json`. Edit the JSON by hand when a route changes:
// `OpenAPIDocumentTests` fails while a registered `/api/v1` route is missing from it.
enum NativeOpenAPI {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "绣花 Xiuhua API",
    "version": "1",
    "description": "The native JSON API of Xiuhua (城市精细化管理). Errors are {\"error\": code, \"message\": text} with a 4xx status. Instants are ISO 8601 with the district's offset. See docs/API.md."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/api/v1/openapi.json": {
      "get": {
        "summary": "This document",
        "operationId": "openapi",
        "responses": {
          "200": {
            "description": "The OpenAPI description",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/locate": {
      "get": {
        "summary": "The grid cell, community and street of a point",
        "operationId": "locate",
        "parameters": [
          {
            "name": "lat",
            "in": "query",
            "required": true,
            "description": "Latitude",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "lon",
            "in": "query",
            "required": true,
            "description": "Longitude",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "crs",
            "in": "query",
            "required": false,
            "description": "wgs84 (default) or gcj02",
            "schema": {
              "type": "string",
              "enum": [
                "wgs84",
                "gcj02"
              ]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Located",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Located"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/regions": {
      "get": {
        "summary": "The region tree, or its outlines as GeoJSON",
        "operationId": "regions",
        "parameters": [
          {
            "name": "level",
            "in": "query",
            "required": false,
            "description": "district, street, community or grid",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "parent",
            "in": "query",
            "required": false,
            "description": "Parent region code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "format",
            "in": "query",
            "required": false,
            "description": "geojson for a FeatureCollection",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Regions",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/categories": {
      "get": {
        "summary": "The catalog of 部件 and 事项",
        "operationId": "categories",
        "parameters": [
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "description": "matter (事项) or component (部件)",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "big_class",
            "in": "query",
            "required": false,
            "description": "Two-digit big class code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Name text or code prefix",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Categories",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CategoryList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/sessions": {
      "post": {
        "summary": "Sign in",
        "operationId": "signIn",
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Login"
              }
            }
          }
        },
        "responses": {
          "429": {
            "description": "Too many requests from this address (public intake limit or sign-in throttle); see the Retry-After header",
            "headers": {
              "Retry-After": {
                "description": "Seconds until a retry may succeed",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "201": {
            "description": "A session token",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Session"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "delete": {
        "summary": "Sign out",
        "operationId": "signOut",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          },
          {}
        ],
        "responses": {
          "204": {
            "description": "Signed out"
          }
        }
      }
    },
    "/api/v1/me": {
      "get": {
        "summary": "The signed-in account",
        "operationId": "me",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "responses": {
          "200": {
            "description": "The account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Account"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/cases": {
      "post": {
        "summary": "File a case",
        "operationId": "fileCase",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          },
          {}
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/IntakeRequest"
              }
            }
          }
        },
        "responses": {
          "429": {
            "description": "Too many requests from this address (public intake limit or sign-in throttle); see the Retry-After header",
            "headers": {
              "Retry-After": {
                "description": "Seconds until a retry may succeed",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "201": {
            "description": "Filed",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Filed"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "get": {
        "summary": "The cases the caller may see, newest first",
        "operationId": "listCases",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "Comma list of states",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "street",
            "in": "query",
            "required": false,
            "description": "Street code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "community",
            "in": "query",
            "required": false,
            "description": "Community code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "grid",
            "in": "query",
            "required": false,
            "description": "Grid code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "category",
            "in": "query",
            "required": false,
            "description": "Category code or prefix",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "department",
            "in": "query",
            "required": false,
            "description": "Owner code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "source",
            "in": "query",
            "required": false,
            "description": "hotline, patrol, web or api",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "overdue",
            "in": "query",
            "required": false,
            "description": "true or false",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "light",
            "in": "query",
            "required": false,
            "description": "green, yellow or red",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Text in number, description or address",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "from",
            "in": "query",
            "required": false,
            "description": "Date or instant",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "to",
            "in": "query",
            "required": false,
            "description": "Date or instant",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page, from 1",
            "schema": {
              "type": "integer",
              "minimum": 2,
              "maximum": 10000
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "Page size, at most 200",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 200
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A page of cases",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/CaseList"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/cases/{number}": {
      "get": {
        "summary": "A case with its events and allowed actions",
        "operationId": "showCase",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "name": "number",
            "in": "path",
            "required": true,
            "description": "Case number",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The case",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Case"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/cases/{number}/actions": {
      "post": {
        "summary": "Act on a case",
        "operationId": "actOnCase",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "name": "number",
            "in": "path",
            "required": true,
            "description": "Case number",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/ActionRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The events and the case",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/evaluation": {
      "get": {
        "summary": "Indicators, composite scores, grades and fair ranking for a period",
        "operationId": "evaluation",
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "required": true,
            "description": "2026-11 (month), 2026-Q4 (quarter), 2026 (year) or 2026-11-01..2026-11-15",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "level",
            "in": "query",
            "required": false,
            "description": "street, community, grid, department or post",
            "schema": {
              "type": "string",
              "enum": ["street", "community", "grid", "department", "post"]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Indicators, composite scores, grades and fair ranking for a period",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/evaluation.csv": {
      "get": {
        "summary": "The same evaluation as CSV (UTF-8 with BOM)",
        "operationId": "evaluationCSV",
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "required": true,
            "description": "2026-11 (month), 2026-Q4 (quarter), 2026 (year) or 2026-11-01..2026-11-15",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "level",
            "in": "query",
            "required": false,
            "description": "street, community, grid, department or post",
            "schema": {
              "type": "string",
              "enum": ["street", "community", "grid", "department", "post"]
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The same evaluation as CSV (UTF-8 with BOM)",
            "content": {
              "text/csv": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/hotspots": {
      "get": {
        "summary": "Grid × category combinations with recurring cases (未诉先办)",
        "operationId": "hotspots",
        "parameters": [
          {
            "name": "period",
            "in": "query",
            "required": true,
            "description": "2026-11 (month), 2026-Q4 (quarter), 2026 (year) or 2026-11-01..2026-11-15",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "min_cases",
            "in": "query",
            "required": false,
            "description": "Cases of one category in one grid that make a hotspot",
            "schema": {
              "type": "integer",
              "minimum": 1
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Grid × category combinations with recurring cases (未诉先办)",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/tickets/{code}": {
      "get": {
        "summary": "A citizen's view of a case by ticket code",
        "operationId": "ticket",
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "description": "Ticket code (查询码)",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "429": {
            "description": "Too many requests from this address (public intake limit or sign-in throttle); see the Retry-After header",
            "headers": {
              "Retry-After": {
                "description": "Seconds until a retry may succeed",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "200": {
            "description": "Progress",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Ticket"
                }
              }
            }
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/tickets/{code}/rating": {
      "post": {
        "summary": "Rate a closed case",
        "operationId": "rateTicket",
        "parameters": [
          {
            "name": "code",
            "in": "path",
            "required": true,
            "description": "Ticket code (查询码)",
            "schema": {
              "type": "string"
            }
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/Rating"
              }
            }
          }
        },
        "responses": {
          "429": {
            "description": "Too many requests from this address (public intake limit or sign-in throttle); see the Retry-After header",
            "headers": {
              "Retry-After": {
                "description": "Seconds until a retry may succeed",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          },
          "200": {
            "description": "Progress",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Ticket"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/attachments": {
      "post": {
        "summary": "Upload a photo (JPEG, PNG or WebP); no account needed",
        "description": "The body is the image itself (any Content-Type) or a multipart/form-data form with exactly one file. The type is read from the content, and the file's structure is checked (a truncated file is refused). The id is the SHA-256 of the bytes: the same bytes sent again give the same attachment with 200. Put the id (or the url) in a case's or an action's `photos` to attach it. The size limit is uploads.max_photo_bytes (default 10 MiB).",
        "operationId": "uploadAttachment",
        "requestBody": {
          "required": true,
          "content": {
            "image/jpeg": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/png": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "image/webp": {
              "schema": {
                "type": "string",
                "format": "binary"
              }
            },
            "multipart/form-data": {
              "schema": {
                "type": "object",
                "properties": {
                  "file": {
                    "type": "string",
                    "format": "binary"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "Kept",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attachment"
                }
              }
            }
          },
          "200": {
            "description": "These bytes were already kept: the existing attachment",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Attachment"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "413": {
            "$ref": "#/components/responses/Error"
          },
          "415": {
            "$ref": "#/components/responses/Error"
          },
          "429": {
            "description": "Too many uploads from this address without an account (public intake limit); see the Retry-After header",
            "headers": {
              "Retry-After": {
                "description": "Seconds until a retry may succeed",
                "schema": {
                  "type": "integer"
                }
              }
            },
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Error"
                }
              }
            }
          }
        }
      }
    },
    "/api/v1/attachments/{id}": {
      "get": {
        "summary": "The bytes of an attachment",
        "description": "Served with its media type, ETag (the id) and Cache-Control immutable; If-None-Match with the ETag gets 304.",
        "operationId": "attachment",
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "The attachment's id: the hex SHA-256 of its bytes",
            "schema": {
              "type": "string",
              "pattern": "^[0-9a-f]{64}$"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The image",
            "content": {
              "image/jpeg": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "image/png": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              },
              "image/webp": {
                "schema": {
                  "type": "string",
                  "format": "binary"
                }
              }
            }
          },
          "304": {
            "description": "The client's copy is current"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/apikeys": {
      "post": {
        "summary": "Create an Open311 API key for a client system (admin)",
        "operationId": "createApiKey",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/APIKeyRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The key, shown once",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/APIKey"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "get": {
        "summary": "List API keys (admin)",
        "operationId": "listApiKeys",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "responses": {
          "200": {
            "description": "Keys, without the secrets",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "required": [
                    "items"
                  ],
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/APIKey"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/apikeys/{id}": {
      "delete": {
        "summary": "Revoke an API key (admin)",
        "operationId": "revokeApiKey",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Key id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The revoked key",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/APIKey"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/routing-rules": {
      "get": {
        "summary": "The routing rules in force, in their text form (staff)",
        "operationId": "routingRules",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "responses": {
          "200": {
            "description": "The rules",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RoutingRules"
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "put": {
        "summary": "Replace the routing rules (admin); a bad line is a 400 naming it",
        "operationId": "replaceRoutingRules",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "text"
                ],
                "properties": {
                  "text": {
                    "type": "string",
                    "description": "One rule a line: category prefix, region, time window, days -> owner [sub-command] (docs/API.md)"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The rules now in force",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RoutingRules"
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/whistles": {
      "post": {
        "summary": "联合吹哨: a street officer summons departments to several cases under one whistle",
        "operationId": "whistleJointly",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "type": "object",
                "required": [
                  "cases",
                  "kind",
                  "departments",
                  "reason"
                ],
                "properties": {
                  "cases": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "Case numbers, all owned by the officer's street"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "publicDemand",
                      "enforcement",
                      "emergency"
                    ]
                  },
                  "departments": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "minItems": 1
                  },
                  "reason": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The whistle id and the cases",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "whistle_id": {
                      "type": "string"
                    },
                    "cases": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/Case"
                      }
                    }
                  }
                }
              }
            }
          },
          "400": {
            "$ref": "#/components/responses/Error"
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/cases/{number}/duplicates": {
      "get": {
        "summary": "Open cases of the same category near this one, reported within the window before it: possible duplicates (staff)",
        "operationId": "caseDuplicates",
        "security": [
          {
            "bearerAuth": []
          },
          {
            "sessionCookie": []
          }
        ],
        "parameters": [
          {
            "name": "number",
            "in": "path",
            "required": true,
            "description": "Case number",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Candidates, nearest first",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "radius_m": {
                      "type": "number"
                    },
                    "window_days": {
                      "type": "number"
                    },
                    "candidates": {
                      "type": "array",
                      "items": {
                        "$ref": "#/components/schemas/DuplicateCandidate"
                      }
                    }
                  }
                }
              }
            }
          },
          "401": {
            "$ref": "#/components/responses/Error"
          },
          "403": {
            "$ref": "#/components/responses/Error"
          },
          "404": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearerAuth": {
        "type": "http",
        "scheme": "bearer"
      },
      "sessionCookie": {
        "type": "apiKey",
        "in": "cookie",
        "name": "xiuhua_session"
      }
    },
    "responses": {
      "Error": {
        "description": "A refusal",
        "content": {
          "application/json": {
            "schema": {
              "$ref": "#/components/schemas/Error"
            }
          }
        }
      }
    },
    "schemas": {
      "Attachment": {
        "type": "object",
        "properties": {
          "id": {
            "type": "string",
            "description": "Hex SHA-256 of the bytes"
          },
          "media_type": {
            "type": "string",
            "enum": [
              "image/jpeg",
              "image/png",
              "image/webp"
            ]
          },
          "size": {
            "type": "integer"
          },
          "width": {
            "type": "integer"
          },
          "height": {
            "type": "integer"
          },
          "url": {
            "type": "string"
          }
        }
      },
      "Error": {
        "type": "object",
        "required": [
          "error",
          "message"
        ],
        "properties": {
          "error": {
            "type": "string"
          },
          "message": {
            "type": "string"
          },
          "current": {
            "type": "object"
          }
        }
      },
      "Named": {
        "type": "object",
        "required": [
          "code",
          "name"
        ],
        "properties": {
          "code": {
            "type": "string"
          },
          "name": {
            "type": "string"
          }
        }
      },
      "Located": {
        "type": "object",
        "required": [
          "grid",
          "community",
          "street",
          "district",
          "lat",
          "lon"
        ],
        "properties": {
          "grid": {
            "$ref": "#/components/schemas/Named"
          },
          "community": {
            "$ref": "#/components/schemas/Named"
          },
          "street": {
            "$ref": "#/components/schemas/Named"
          },
          "district": {
            "$ref": "#/components/schemas/Named"
          },
          "lat": {
            "type": "number"
          },
          "lon": {
            "type": "number"
          }
        }
      },
      "CategoryList": {
        "type": "object",
        "required": [
          "total",
          "items"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "items": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "kind",
                "code",
                "name"
              ],
              "properties": {
                "kind": {
                  "type": "string"
                },
                "code": {
                  "type": "string"
                },
                "name": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "Login": {
        "type": "object",
        "required": [
          "username",
          "password"
        ],
        "properties": {
          "username": {
            "type": "string"
          },
          "password": {
            "type": "string"
          }
        }
      },
      "Account": {
        "type": "object",
        "required": [
          "id",
          "username",
          "name",
          "role"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "username": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "role": {
            "type": "string"
          }
        }
      },
      "Session": {
        "type": "object",
        "required": [
          "token",
          "expires_at",
          "account"
        ],
        "properties": {
          "token": {
            "type": "string"
          },
          "expires_at": {
            "type": "string",
            "format": "date-time"
          },
          "account": {
            "$ref": "#/components/schemas/Account"
          }
        }
      },
      "IntakeRequest": {
        "type": "object",
        "required": [
          "source",
          "category",
          "description"
        ],
        "properties": {
          "source": {
            "type": "string",
            "enum": [
              "hotline",
              "patrol",
              "web",
              "api"
            ]
          },
          "category": {
            "type": "string",
            "description": "事项 code, e.g. 06010"
          },
          "description": {
            "type": "string",
            "maxLength": 2000
          },
          "lat": {
            "type": "number"
          },
          "lon": {
            "type": "number"
          },
          "crs": {
            "type": "string",
            "enum": [
              "wgs84",
              "gcj02"
            ]
          },
          "address": {
            "type": "string"
          },
          "photos": {
            "type": "array",
            "description": "Attachment ids from POST /api/v1/attachments (at most 9); an id that was never uploaded is refused",
            "items": {
              "type": "string"
            }
          },
          "reporter_name": {
            "type": "string"
          },
          "reporter_phone": {
            "type": "string"
          },
          "direct_acceptance": {
            "type": "boolean"
          },
          "self_handled": {
            "type": "boolean"
          }
        }
      },
      "Filed": {
        "type": "object",
        "required": [
          "number",
          "ticket_code",
          "status"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "ticket_code": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "case": {
            "$ref": "#/components/schemas/Case"
          }
        }
      },
      "Case": {
        "type": "object",
        "required": [
          "number",
          "state",
          "category",
          "description"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "category": {
            "$ref": "#/components/schemas/Named"
          },
          "description": {
            "type": "string"
          },
          "before_photos": {
            "type": "array",
            "description": "Addresses of our photos of the problem (report, verification); the list omits the history, so there only the report's",
            "items": {
              "type": "string"
            }
          },
          "after_photos": {
            "type": "array",
            "description": "Addresses of our photos of the fix (handling, check)",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "CaseList": {
        "type": "object",
        "required": [
          "total",
          "page",
          "page_size",
          "items"
        ],
        "properties": {
          "total": {
            "type": "integer"
          },
          "page": {
            "type": "integer"
          },
          "page_size": {
            "type": "integer"
          },
          "items": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Case"
            }
          }
        }
      },
      "ActionRequest": {
        "type": "object",
        "required": [
          "action"
        ],
        "properties": {
          "action": {
            "type": "string",
            "description": "verify, accept, reject, dispatch, handle, check, close, rate, whistle, checkIn, reportWhistle, releaseSummons, rateSummons, merge … (docs/API.md)"
          },
          "photos": {
            "type": "array",
            "description": "For verify, handle and check: attachment ids from POST /api/v1/attachments (at most 9)",
            "items": {
              "type": "string"
            }
          },
          "expected_version": {
            "type": "integer"
          },
          "kind": {
            "type": "string",
            "enum": [
              "publicDemand",
              "enforcement",
              "emergency"
            ],
            "description": "whistle: the kind of whistle"
          },
          "departments": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "whistle: the departments summoned"
          },
          "department": {
            "type": "string",
            "description": "releaseSummons, rateSummons: the summoned department"
          },
          "whistle_id": {
            "type": "string",
            "description": "checkIn, reportWhistle, releaseSummons, rateSummons: which whistle (default: the earliest outstanding)"
          },
          "report": {
            "type": "string",
            "description": "reportWhistle: what the department did"
          },
          "into": {
            "type": "string",
            "description": "merge: the number of the surviving case (duty chief)"
          }
        }
      },
      "Ticket": {
        "type": "object",
        "required": [
          "number",
          "category",
          "status",
          "timeline"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "category": {
            "type": "string"
          },
          "status": {
            "type": "string"
          },
          "timeline": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "before_photos": {
            "type": "array",
            "description": "Addresses of the photos of the problem",
            "items": {
              "type": "string"
            }
          },
          "after_photos": {
            "type": "array",
            "description": "Addresses of the photos of the fix",
            "items": {
              "type": "string"
            }
          }
        }
      },
      "Rating": {
        "type": "object",
        "properties": {
          "satisfaction": {
            "type": "string",
            "enum": [
              "satisfied",
              "basicallySatisfied",
              "unsatisfied"
            ]
          },
          "fixed": {
            "type": "boolean"
          },
          "comment": {
            "type": "string",
            "maxLength": 500
          }
        }
      },
      "APIKeyRequest": {
        "type": "object",
        "required": [
          "name"
        ],
        "properties": {
          "name": {
            "type": "string",
            "minLength": 1,
            "maxLength": 100
          },
          "per_minute": {
            "type": "integer",
            "minimum": 1,
            "maximum": 6000000
          }
        }
      },
      "APIKey": {
        "type": "object",
        "required": [
          "id",
          "name",
          "per_minute",
          "created_at",
          "active"
        ],
        "properties": {
          "id": {
            "type": "string"
          },
          "name": {
            "type": "string"
          },
          "per_minute": {
            "type": "integer"
          },
          "created_at": {
            "type": "string",
            "format": "date-time"
          },
          "revoked_at": {
            "type": "string",
            "format": "date-time",
            "nullable": true
          },
          "active": {
            "type": "boolean"
          },
          "key": {
            "type": "string",
            "description": "Only when created"
          }
        }
      },
      "RoutingRules": {
        "type": "object",
        "required": [
          "text",
          "rules",
          "fallback"
        ],
        "properties": {
          "text": {
            "type": "string"
          },
          "rules": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "position": {
                  "type": "integer"
                },
                "line": {
                  "type": "string"
                }
              }
            }
          },
          "fallback": {
            "type": "string"
          }
        }
      },
      "DuplicateCandidate": {
        "type": "object",
        "required": [
          "number",
          "state",
          "distance_m",
          "reported_at"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "state": {
            "type": "string"
          },
          "category": {
            "type": "string"
          },
          "address": {
            "type": "string"
          },
          "distance_m": {
            "type": "number"
          },
          "reported_at": {
            "type": "string",
            "format": "date-time"
          }
        }
      }
    }
  }
}
"""#
}
