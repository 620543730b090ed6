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
    "description": "The native JSON API of Xiuhua (城市精细化管理). Errors are {\"error\": code, \"message\": text} with a 4xx status. Every text field of a body is bounded by its kind (free text 4000 characters, photo references 2000, addresses 300, names 100, phones 40, others 200): longer is 400 too_long naming the field and the limit. Instants are ISO 8601 with the district's offset. See docs/API.md."
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
          },
          "403": {
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
    "/api/v1/accounts": {
      "get": {
        "summary": "List accounts, with disabled state and sign-in lock (admin)",
        "operationId": "listAccounts",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": {
            "description": "Every account",
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
                        "$ref": "#/components/schemas/AccountAdmin"
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
      },
      "post": {
        "summary": "Add an account (admin); the password rule and the role's scope are checked",
        "operationId": "addAccount",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "requestBody": {
          "required": true,
          "content": {
            "application/json": {
              "schema": {
                "$ref": "#/components/schemas/AccountRequest"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The new account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AccountAdmin"
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
      }
    },
    "/api/v1/accounts/{username}/disable": {
      "post": {
        "summary": "Disable an account: no sign-in, its sessions end at once (admin; not one's own)",
        "operationId": "disableAccount",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The account's username",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The disabled account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AccountAdmin"
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
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/accounts/{username}/enable": {
      "post": {
        "summary": "Enable a disabled account (admin)",
        "operationId": "enableAccount",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The account's username",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The enabled account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AccountAdmin"
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
    "/api/v1/accounts/{username}/reset-password": {
      "post": {
        "summary": "Set a new password (the password rule applies); the account's sessions end (admin)",
        "operationId": "resetAccountPassword",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The account's username",
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
                "$ref": "#/components/schemas/PasswordRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The account",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AccountAdmin"
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
          }
        }
      }
    },
    "/api/v1/accounts/{username}/revoke-sessions": {
      "post": {
        "summary": "End every session of an account (admin)",
        "operationId": "revokeAccountSessions",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The account's username",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "How many sessions ended",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/RevokedSessions"
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
    "/api/v1/accounts/{username}/unlock": {
      "post": {
        "summary": "Lift the sign-in lock that failed attempts put on an account (admin)",
        "operationId": "unlockAccount",
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "parameters": [
          {
            "name": "username",
            "in": "path",
            "required": true,
            "description": "The account's username",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The account, unlocked",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/AccountAdmin"
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
            "name": "summoned",
            "in": "query",
            "required": false,
            "description": "A department code: the cases a whistle (吹哨) still owes that department a check-in or report on",
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
              "enum": [
                "street",
                "community",
                "grid",
                "department",
                "post"
              ]
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
              "enum": [
                "street",
                "community",
                "grid",
                "department",
                "post"
              ]
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
    },
    "/api/v1/campaigns": {
      "post": {
        "summary": "Plan a campaign (专项行动): clean-up, rectification of one category, or vaccination drive",
        "operationId": "planCampaign",
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
                  "name",
                  "kind",
                  "area_codes",
                  "starts_on",
                  "ends_on"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "cleanUp",
                      "rectification",
                      "vaccination"
                    ]
                  },
                  "category_code": {
                    "type": "string"
                  },
                  "area_codes": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  },
                  "starts_on": {
                    "type": "string",
                    "format": "date"
                  },
                  "ends_on": {
                    "type": "string",
                    "format": "date"
                  },
                  "targets": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "key": {
                          "type": "string"
                        },
                        "name": {
                          "type": "string"
                        },
                        "goal": {
                          "type": "integer"
                        }
                      }
                    }
                  },
                  "resources": {
                    "type": "array",
                    "items": {
                      "type": "object",
                      "properties": {
                        "kind": {
                          "type": "string",
                          "enum": [
                            "people",
                            "machines",
                            "vehicles"
                          ]
                        },
                        "name": {
                          "type": "string"
                        },
                        "count": {
                          "type": "integer"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The campaign with its reports, totals and case numbers",
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
      },
      "get": {
        "summary": "List campaigns, newest first",
        "operationId": "listCampaigns",
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
            "name": "state",
            "in": "query",
            "required": false,
            "description": "planned, running or finished",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "kind",
            "in": "query",
            "required": false,
            "description": "cleanUp, rectification or vaccination",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{items: [campaign]}",
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
    "/api/v1/campaigns/{id}": {
      "get": {
        "summary": "A campaign with its daily reports, totals per target and linked cases",
        "operationId": "getCampaign",
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
            "description": "Campaign id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The campaign",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/campaigns/{id}/start": {
      "post": {
        "summary": "Start a planned campaign (owner or admin)",
        "operationId": "startCampaign",
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
            "description": "Campaign id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The running campaign",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/campaigns/{id}/finish": {
      "post": {
        "summary": "Finish a running campaign with its result summary (owner or admin)",
        "operationId": "finishCampaign",
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
            "description": "Campaign id",
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
                "type": "object",
                "required": [
                  "summary"
                ],
                "properties": {
                  "summary": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The finished campaign",
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
    "/api/v1/campaigns/{id}/reports": {
      "post": {
        "summary": "File a day's progress of a running campaign",
        "operationId": "reportCampaignProgress",
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
            "description": "Campaign id",
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
                "type": "object",
                "required": [
                  "day"
                ],
                "properties": {
                  "day": {
                    "type": "string",
                    "format": "date"
                  },
                  "progress": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "integer"
                    }
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The campaign with the report",
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
    "/api/v1/campaigns/{id}/cases": {
      "post": {
        "summary": "Link a case to a campaign by hand",
        "operationId": "linkCampaignCase",
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
            "description": "Campaign id",
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
                "type": "object",
                "required": [
                  "case_number"
                ],
                "properties": {
                  "case_number": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The campaign",
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
    "/api/v1/vaccination/eligibility": {
      "get": {
        "summary": "The drive's age limit",
        "operationId": "getEligibility",
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
            "description": "{minimum_age}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
        "summary": "Change the age limit (health worker, admin)",
        "operationId": "setEligibility",
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
                  "minimum_age"
                ],
                "properties": {
                  "minimum_age": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "{minimum_age}",
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
    "/api/v1/vaccination/vaccines": {
      "get": {
        "summary": "Vaccines with their doses and minimum interval",
        "operationId": "listVaccines",
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
            "description": "{items: [vaccine]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/vaccines/{code}": {
      "put": {
        "summary": "Change a vaccine's minimum interval between doses",
        "operationId": "setVaccineInterval",
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
            "name": "code",
            "in": "path",
            "required": true,
            "description": "Vaccine code",
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
                "type": "object",
                "required": [
                  "minimum_interval_days"
                ],
                "properties": {
                  "minimum_interval_days": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The vaccine",
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
          }
        }
      }
    },
    "/api/v1/vaccination/residents": {
      "post": {
        "summary": "Put a resident on the roster (health, grid, admin); the ID number is checked (GB 11643)",
        "operationId": "addResident",
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
                  "grid_code",
                  "household",
                  "name",
                  "id_number"
                ],
                "properties": {
                  "grid_code": {
                    "type": "string"
                  },
                  "household": {
                    "type": "string"
                  },
                  "name": {
                    "type": "string"
                  },
                  "id_number": {
                    "type": "string"
                  },
                  "birth_date": {
                    "type": "string",
                    "format": "date"
                  },
                  "phone": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The resident as the caller may see it",
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
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      },
      "get": {
        "summary": "Residents of a region; personal data masked unless the caller is a health or grid worker",
        "operationId": "listResidents",
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
            "name": "region",
            "in": "query",
            "required": false,
            "description": "Street, community or grid code",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{items: [resident]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/residents/{id}": {
      "get": {
        "summary": "A resident with age, eligibility, visits, appointments and doses",
        "operationId": "getResident",
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
            "description": "Resident id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The resident's record",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/residents/{id}/visits": {
      "post": {
        "summary": "Record a canvass visit (敲门) and its result",
        "operationId": "addCanvassVisit",
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
            "description": "Resident id",
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
                "type": "object",
                "required": [
                  "result"
                ],
                "properties": {
                  "result": {
                    "type": "string",
                    "enum": [
                      "willing",
                      "contraindication",
                      "refused",
                      "away",
                      "vaccinatedElsewhere"
                    ]
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The visit",
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
          }
        }
      }
    },
    "/api/v1/vaccination/sites": {
      "post": {
        "summary": "Set up a site: fixed, cabin (方舱) or mobile team",
        "operationId": "addVaccinationSite",
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
                  "name",
                  "kind",
                  "community_code",
                  "opens_at",
                  "closes_at",
                  "slot_minutes",
                  "capacity_per_slot"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "fixed",
                      "cabin",
                      "mobile"
                    ]
                  },
                  "community_code": {
                    "type": "string"
                  },
                  "address": {
                    "type": "string"
                  },
                  "latitude": {
                    "type": "number"
                  },
                  "longitude": {
                    "type": "number"
                  },
                  "opens_at": {
                    "type": "string"
                  },
                  "closes_at": {
                    "type": "string"
                  },
                  "slot_minutes": {
                    "type": "integer"
                  },
                  "capacity_per_slot": {
                    "type": "integer"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The site",
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
      },
      "get": {
        "summary": "Every site",
        "operationId": "listVaccinationSites",
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
            "description": "{items: [site]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/sites/{id}/slots": {
      "get": {
        "summary": "A site's slots on a day with capacity, booked and free seats",
        "operationId": "getSiteSlots",
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
            "description": "Site id",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "day",
            "in": "query",
            "required": true,
            "description": "YYYY-MM-DD",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{site_id, day, slots}",
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
          }
        }
      }
    },
    "/api/v1/vaccination/sites/{id}/roving": {
      "post": {
        "summary": "Schedule a mobile team in a community on a day (街道联点)",
        "operationId": "scheduleRovingTeam",
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
            "description": "Site id",
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
                "type": "object",
                "required": [
                  "day",
                  "community_code"
                ],
                "properties": {
                  "day": {
                    "type": "string",
                    "format": "date"
                  },
                  "community_code": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "{items: [day]}",
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
    "/api/v1/vaccination/appointments": {
      "post": {
        "summary": "Book a slot for a resident; never more than the slot's capacity, even under concurrent booking",
        "operationId": "bookAppointment",
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
                  "resident_id",
                  "site_id",
                  "day",
                  "slot",
                  "vaccine_code"
                ],
                "properties": {
                  "resident_id": {
                    "type": "string"
                  },
                  "site_id": {
                    "type": "string"
                  },
                  "day": {
                    "type": "string",
                    "format": "date"
                  },
                  "slot": {
                    "type": "string"
                  },
                  "vaccine_code": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The appointment",
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
    "/api/v1/vaccination/appointments/{id}/cancel": {
      "post": {
        "summary": "Cancel a booking; the seat is free again",
        "operationId": "cancelAppointment",
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
            "description": "Appointment id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The appointment",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/vaccination/appointments/{id}/no-show": {
      "post": {
        "summary": "Record that the person did not come (after the slot)",
        "operationId": "recordNoShow",
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
            "description": "Appointment id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The appointment",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
          },
          "409": {
            "$ref": "#/components/responses/Error"
          }
        }
      }
    },
    "/api/v1/vaccination/doses": {
      "post": {
        "summary": "Record a dose after identity check, signed consent and the contraindication checklist; observation ends 30 minutes later",
        "operationId": "recordDose",
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
                  "resident_id",
                  "site_id",
                  "vaccine_code",
                  "lot",
                  "identity_checked",
                  "consent_signed",
                  "screening"
                ],
                "properties": {
                  "resident_id": {
                    "type": "string"
                  },
                  "appointment_id": {
                    "type": "string"
                  },
                  "site_id": {
                    "type": "string"
                  },
                  "vaccine_code": {
                    "type": "string"
                  },
                  "lot": {
                    "type": "string"
                  },
                  "identity_checked": {
                    "type": "boolean"
                  },
                  "consent_signed": {
                    "type": "boolean"
                  },
                  "screening": {
                    "type": "object",
                    "additionalProperties": {
                      "type": "boolean"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "{dose, observation_ends_at}",
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
    "/api/v1/vaccination/doses/{id}/reaction": {
      "post": {
        "summary": "Record an adverse reaction to a dose",
        "operationId": "recordAdverseReaction",
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
            "description": "Dose id",
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
                "type": "object",
                "required": [
                  "description"
                ],
                "properties": {
                  "description": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "{dose, observation_ends_at}",
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
          }
        }
      }
    },
    "/api/v1/vaccination/coverage": {
      "get": {
        "summary": "Coverage per region: population, doses, first/second dose, doses per 100 population (doses ÷ population × 100)",
        "operationId": "getCoverage",
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
            "name": "level",
            "in": "query",
            "required": false,
            "description": "grid, community, street (default) or district",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "day",
            "in": "query",
            "required": false,
            "description": "YYYY-MM-DD, default today",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{level, day, formula, total, rows, per_day}",
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
    "/api/v1/vaccination/supervision-groups": {
      "post": {
        "summary": "Form a supervision group (督导组) with members and assigned sites (supervisor, admin)",
        "operationId": "createSupervisionGroup",
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
                  "name",
                  "members",
                  "site_ids"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "members": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    },
                    "description": "usernames"
                  },
                  "site_ids": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "{group, inspections}",
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
          }
        }
      },
      "get": {
        "summary": "Every supervision group",
        "operationId": "listSupervisionGroups",
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
            "description": "{items: [group]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/supervision-groups/{id}": {
      "get": {
        "summary": "A supervision group with its inspections, newest first",
        "operationId": "getSupervisionGroup",
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
            "description": "Group id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "{group, inspections}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/vaccination/supervision-groups/{id}/inspections": {
      "post": {
        "summary": "Record a member's inspection of an assigned site, scored by the checklist engine",
        "operationId": "recordSiteInspection",
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
            "description": "Group id",
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
                "type": "object",
                "required": [
                  "site_id"
                ],
                "properties": {
                  "site_id": {
                    "type": "string"
                  },
                  "items": {
                    "type": "array",
                    "description": "One answer per item of the supervision checklist (GET /api/v1/vaccination/supervision-checklist), scored by the checklist engine",
                    "items": {
                      "type": "object",
                      "required": [
                        "item",
                        "passed"
                      ],
                      "properties": {
                        "item": {
                          "type": "string"
                        },
                        "passed": {
                          "type": "boolean"
                        },
                        "findings": {
                          "type": "integer"
                        },
                        "note": {
                          "type": "string"
                        }
                      }
                    }
                  },
                  "answers": {
                    "description": "The first simple checklist (key to met), still accepted when items is absent",
                    "type": "object",
                    "additionalProperties": {
                      "type": "boolean"
                    }
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "{inspection, score, findings}",
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
    "/api/v1/vaccination/supervision-checklist": {
      "get": {
        "summary": "The vaccination-site supervision checklist: sections, points, items and deductions",
        "operationId": "getSupervisionChecklist",
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
            "description": "{template, name, sections[{code, name, points, items[{code, text, deduction}]}]}",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
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
    "/api/v1/shops": {
      "get": {
        "summary": "List shops (staff; a street officer sees its streets)",
        "operationId": "listShops",
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
            "name": "street",
            "in": "query",
            "required": false,
            "description": "Street code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "q",
            "in": "query",
            "required": false,
            "description": "Part of the name, credit code or address",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page number from 1 (with page_size); a page past the end is empty. Not together with offset/limit",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100 (with offset; or use page and page_size)",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Default 0",
            "schema": {
              "type": "integer"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Shops in name order and the total",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "items": {
                      "type": "array",
                      "items": {
                        "type": "object",
                        "description": "A shop (责任主体); owner_name and phone are masked (张*, 138****1234) for roles that do not need them, and masked is then true",
                        "properties": {
                          "id": {
                            "type": "string"
                          },
                          "name": {
                            "type": "string"
                          },
                          "credit_code": {
                            "type": "string"
                          },
                          "licence": {
                            "type": "string"
                          },
                          "owner_name": {
                            "type": "string"
                          },
                          "phone": {
                            "type": "string"
                          },
                          "masked": {
                            "type": "boolean"
                          },
                          "address": {
                            "type": "string"
                          },
                          "lat": {
                            "type": "number"
                          },
                          "lon": {
                            "type": "number"
                          },
                          "frontage": {
                            "type": "object"
                          },
                          "place": {
                            "type": "object"
                          },
                          "created_at": {
                            "type": "string"
                          },
                          "updated_at": {
                            "type": "string"
                          }
                        }
                      }
                    },
                    "total": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "invalid_page, invalid_page_size, invalid_limit, invalid_offset or invalid_paging (both styles given)",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "Register a shop; grid, community and street are found from lat/lon (street officer, department, admin)",
        "operationId": "createShop",
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
                  "name",
                  "credit_code",
                  "owner_name",
                  "phone",
                  "address",
                  "lat",
                  "lon"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "credit_code": {
                    "type": "string",
                    "description": "统一社会信用代码, 18 characters with the GB 32100-2015 check character"
                  },
                  "licence": {
                    "type": "string"
                  },
                  "owner_name": {
                    "type": "string"
                  },
                  "phone": {
                    "type": "string"
                  },
                  "address": {
                    "type": "string"
                  },
                  "lat": {
                    "type": "number"
                  },
                  "lon": {
                    "type": "number"
                  },
                  "frontage": {
                    "type": "object",
                    "description": "GeoJSON LineString or Polygon (one ring)"
                  },
                  "crs": {
                    "type": "string",
                    "enum": [
                      "wgs84",
                      "gcj02"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The shop",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A shop (责任主体); owner_name and phone are masked (张*, 138****1234) for roles that do not need them, and masked is then true",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "name": {
                      "type": "string"
                    },
                    "credit_code": {
                      "type": "string"
                    },
                    "licence": {
                      "type": "string"
                    },
                    "owner_name": {
                      "type": "string"
                    },
                    "phone": {
                      "type": "string"
                    },
                    "masked": {
                      "type": "boolean"
                    },
                    "address": {
                      "type": "string"
                    },
                    "lat": {
                      "type": "number"
                    },
                    "lon": {
                      "type": "number"
                    },
                    "frontage": {
                      "type": "object"
                    },
                    "place": {
                      "type": "object"
                    },
                    "created_at": {
                      "type": "string"
                    },
                    "updated_at": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "invalid_shop with fields: every field error ({field, code, message}); or another 400",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "credit_code_taken",
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
    "/api/v1/shops/import": {
      "post": {
        "summary": "Import shops from CSV, all or nothing (street officer, department, admin)",
        "operationId": "importShops",
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
            "text/csv": {
              "schema": {
                "type": "string",
                "description": "Header name,credit_code,licence,owner_name,phone,address,lat,lon,frontage (or the Chinese names); frontage as `lon lat;lon lat;…`"
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "How many were imported",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "properties": {
                    "imported": {
                      "type": "integer"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "invalid_csv, or invalid_rows with rows: every error by line ({line, field, code, message}); nothing imported",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/shops/{id}": {
      "get": {
        "summary": "One shop",
        "operationId": "getShop",
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
            "description": "Shop id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The shop",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A shop (责任主体); owner_name and phone are masked (张*, 138****1234) for roles that do not need them, and masked is then true",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "name": {
                      "type": "string"
                    },
                    "credit_code": {
                      "type": "string"
                    },
                    "licence": {
                      "type": "string"
                    },
                    "owner_name": {
                      "type": "string"
                    },
                    "phone": {
                      "type": "string"
                    },
                    "masked": {
                      "type": "boolean"
                    },
                    "address": {
                      "type": "string"
                    },
                    "lat": {
                      "type": "number"
                    },
                    "lon": {
                      "type": "number"
                    },
                    "frontage": {
                      "type": "object"
                    },
                    "place": {
                      "type": "object"
                    },
                    "created_at": {
                      "type": "string"
                    },
                    "updated_at": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "put": {
        "summary": "Change a shop (same body as creation)",
        "operationId": "updateShop",
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
            "description": "Shop id",
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
                "type": "object",
                "required": [
                  "name",
                  "credit_code",
                  "owner_name",
                  "phone",
                  "address",
                  "lat",
                  "lon"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "credit_code": {
                    "type": "string",
                    "description": "统一社会信用代码, 18 characters with the GB 32100-2015 check character"
                  },
                  "licence": {
                    "type": "string"
                  },
                  "owner_name": {
                    "type": "string"
                  },
                  "phone": {
                    "type": "string"
                  },
                  "address": {
                    "type": "string"
                  },
                  "lat": {
                    "type": "number"
                  },
                  "lon": {
                    "type": "number"
                  },
                  "frontage": {
                    "type": "object",
                    "description": "GeoJSON LineString or Polygon (one ring)"
                  },
                  "crs": {
                    "type": "string",
                    "enum": [
                      "wgs84",
                      "gcj02"
                    ]
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The shop",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A shop (责任主体); owner_name and phone are masked (张*, 138****1234) for roles that do not need them, and masked is then true",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "name": {
                      "type": "string"
                    },
                    "credit_code": {
                      "type": "string"
                    },
                    "licence": {
                      "type": "string"
                    },
                    "owner_name": {
                      "type": "string"
                    },
                    "phone": {
                      "type": "string"
                    },
                    "masked": {
                      "type": "boolean"
                    },
                    "address": {
                      "type": "string"
                    },
                    "lat": {
                      "type": "number"
                    },
                    "lon": {
                      "type": "number"
                    },
                    "frontage": {
                      "type": "object"
                    },
                    "place": {
                      "type": "object"
                    },
                    "created_at": {
                      "type": "string"
                    },
                    "updated_at": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "400": {
            "description": "invalid_shop with fields: every field error ({field, code, message}); or another 400",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "credit_code_taken",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "delete": {
        "summary": "Delete a shop (admin)",
        "operationId": "deleteShop",
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
            "description": "Shop id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The deleted shop",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object",
                  "description": "A shop (责任主体); owner_name and phone are masked (张*, 138****1234) for roles that do not need them, and masked is then true",
                  "properties": {
                    "id": {
                      "type": "string"
                    },
                    "name": {
                      "type": "string"
                    },
                    "credit_code": {
                      "type": "string"
                    },
                    "licence": {
                      "type": "string"
                    },
                    "owner_name": {
                      "type": "string"
                    },
                    "phone": {
                      "type": "string"
                    },
                    "masked": {
                      "type": "boolean"
                    },
                    "address": {
                      "type": "string"
                    },
                    "lat": {
                      "type": "number"
                    },
                    "lon": {
                      "type": "number"
                    },
                    "frontage": {
                      "type": "object"
                    },
                    "place": {
                      "type": "object"
                    },
                    "created_at": {
                      "type": "string"
                    },
                    "updated_at": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "shop_has_records: the shop has inspections",
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
    "/api/v1/checklists": {
      "get": {
        "summary": "The shipped checklist templates with sections, points, items, deductions and case categories",
        "operationId": "listChecklists",
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
            "description": "Templates",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/shops/{id}/inspections": {
      "post": {
        "summary": "Record a checklist inspection of a shop; it is scored at once (grid worker, street officer, department, admin)",
        "operationId": "recordInspection",
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
            "description": "Shop id",
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
                "type": "object",
                "required": [
                  "template",
                  "answers"
                ],
                "properties": {
                  "template": {
                    "type": "string",
                    "enum": [
                      "mqwb",
                      "scaq"
                    ],
                    "description": "mqwb 门前五包检查, scaq 市场安全检查"
                  },
                  "at": {
                    "type": "string",
                    "description": "ISO 8601 instant of the inspection; default now"
                  },
                  "lat": {
                    "type": "number"
                  },
                  "lon": {
                    "type": "number"
                  },
                  "answers": {
                    "type": "array",
                    "description": "Every item of the template exactly once",
                    "items": {
                      "type": "object",
                      "required": [
                        "item",
                        "passed"
                      ],
                      "properties": {
                        "item": {
                          "type": "string"
                        },
                        "passed": {
                          "type": "boolean"
                        },
                        "findings": {
                          "type": "integer",
                          "description": "1–20 when failed; the deduction is taken once per finding"
                        },
                        "note": {
                          "type": "string"
                        },
                        "photos": {
                          "type": "array",
                          "items": {
                            "type": "string"
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The scored inspection",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "unknown_template, invalid_answers, invalid_at, invalid_lat/lon",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "get": {
        "summary": "A shop's inspections, newest first",
        "operationId": "listInspections",
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
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page number from 1 (with page_size); a page past the end is empty. Not together with offset/limit",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100 (with offset; or use page and page_size)",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Default 0",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "id",
            "in": "path",
            "required": true,
            "description": "Shop id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Inspections: {\"items\": [...], \"total\": n}, the page asked for and how many there are in all",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_page, invalid_page_size, invalid_limit, invalid_offset or invalid_paging",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
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
    "/api/v1/inspections/{id}": {
      "get": {
        "summary": "One inspection with its sheet and the cases opened from it",
        "operationId": "getInspection",
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
            "description": "Inspection id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The inspection",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "inspection_not_found",
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
    "/api/v1/inspections/{id}/cases": {
      "post": {
        "summary": "Open the case of a failed item with its catalog category, in one step (inspectors)",
        "operationId": "openInspectionCase",
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
            "description": "Inspection id",
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
                "type": "object",
                "required": [
                  "item"
                ],
                "properties": {
                  "item": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The case number, category and state",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "unknown_item",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "inspection_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "item_passed, no_case_category or case_already_opened",
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
    "/api/v1/shops/{id}/contracts": {
      "post": {
        "summary": "Draft a 门前五包 contract for a shop; the five duties come from the 门前五包 checklist (street officer, department, admin)",
        "operationId": "draftContract",
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
            "description": "Shop id",
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
                "type": "object",
                "required": [
                  "area",
                  "length_metres",
                  "depth_metres",
                  "valid_from",
                  "valid_until"
                ],
                "properties": {
                  "issuer": {
                    "type": "object",
                    "description": "甲方; defaults to the shop's street, community and the street's enforcement squad",
                    "properties": {
                      "street": {
                        "type": "string"
                      },
                      "community": {
                        "type": "string"
                      },
                      "squad": {
                        "type": "string"
                      }
                    }
                  },
                  "area": {
                    "type": "string",
                    "description": "The responsibility area in words"
                  },
                  "length_metres": {
                    "type": "number"
                  },
                  "depth_metres": {
                    "type": "number"
                  },
                  "valid_from": {
                    "type": "string",
                    "format": "date"
                  },
                  "valid_until": {
                    "type": "string",
                    "format": "date",
                    "description": "At most 5 years after valid_from"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "A contract with its status (unsigned, pending, active, expiring within 30 days, expired), shop name and street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "missing_field, invalid_measure, invalid_period, invalid_valid_from …",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
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
    "/api/v1/contracts": {
      "get": {
        "summary": "Contracts, newest first; status=expiring is the renewal reminder list",
        "operationId": "listContracts",
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
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page number from 1 (with page_size); a page past the end is empty. Not together with offset/limit",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100 (with offset; or use page and page_size)",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Default 0",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "unsigned, pending, active, expiring or expired",
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
          }
        ],
        "responses": {
          "200": {
            "description": "Contracts: {\"items\": [...], \"total\": n}, the page asked for and how many there are in all",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_status; invalid_page, invalid_page_size, invalid_limit, invalid_offset, invalid_paging",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/contracts/{number}": {
      "get": {
        "summary": "One contract",
        "operationId": "getContract",
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
            "description": "Contract number, MQWB-2026-0001",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "A contract with its status (unsigned, pending, active, expiring within 30 days, expired), shop name and street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "contract_not_found",
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
    "/api/v1/contracts/{number}/sign": {
      "post": {
        "summary": "Record the signing: date and both signatories; once",
        "operationId": "signContract",
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
            "description": "Contract number",
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
                "type": "object",
                "required": [
                  "signed_on",
                  "issuer_signatory",
                  "shop_signatory"
                ],
                "properties": {
                  "signed_on": {
                    "type": "string",
                    "format": "date"
                  },
                  "issuer_signatory": {
                    "type": "string"
                  },
                  "shop_signatory": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "A contract with its status (unsigned, pending, active, expiring within 30 days, expired), shop name and street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "missing_field, invalid_signed_on",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "contract_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "already_signed",
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
    "/api/v1/contracts/{number}/renew": {
      "post": {
        "summary": "Draft the next period of a signed contract, starting the day after it ends",
        "operationId": "renewContract",
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
            "description": "Contract number",
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
                "type": "object",
                "properties": {
                  "valid_until": {
                    "type": "string",
                    "format": "date",
                    "description": "Default: as long as the old period"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "A contract with its status (unsigned, pending, active, expiring within 30 days, expired), shop name and street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_period",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "contract_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "wrong_state (unsigned) or already_renewed",
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
    "/api/v1/shop-boards/preview": {
      "get": {
        "summary": "A street's 红黑榜 for a month as it would be published now, with every inspected shop's score (staff)",
        "operationId": "previewShopBoard",
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
            "name": "street",
            "in": "query",
            "required": true,
            "description": "Street code",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "month",
            "in": "query",
            "required": false,
            "description": "YYYY-MM; default this month",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "board and scores",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "missing_street, unknown_street, invalid_month",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
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
    "/api/v1/shop-boards": {
      "post": {
        "summary": "Publish a street's 红黑榜 for a month (supervisor, admin); once published it never changes",
        "operationId": "publishShopBoard",
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
                  "month",
                  "street"
                ],
                "properties": {
                  "month": {
                    "type": "string",
                    "description": "YYYY-MM, begun already"
                  },
                  "street": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The published board",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_month, unknown_street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "already_published",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "get": {
        "summary": "Published 红黑榜 boards, newest month first (public)",
        "operationId": "listShopBoards",
        "parameters": [
          {
            "name": "month",
            "in": "query",
            "required": false,
            "description": "YYYY-MM",
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
          }
        ],
        "responses": {
          "200": {
            "description": "Boards as published",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_month",
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
    "/api/v1/shops/{id}/notices": {
      "post": {
        "summary": "Issue a rectification notice (责令整改通知书) to a shop (street officer, department, admin)",
        "operationId": "issueNotice",
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
            "description": "Shop id",
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
                "type": "object",
                "required": [
                  "facts",
                  "rule",
                  "requirements",
                  "deadline_working_days",
                  "officers"
                ],
                "properties": {
                  "found_at": {
                    "type": "string",
                    "description": "ISO 8601; default now"
                  },
                  "place": {
                    "type": "string",
                    "description": "Default: the shop's address"
                  },
                  "facts": {
                    "type": "string"
                  },
                  "rule": {
                    "type": "object",
                    "required": [
                      "law",
                      "article"
                    ],
                    "properties": {
                      "law": {
                        "type": "string"
                      },
                      "article": {
                        "type": "string"
                      },
                      "clause": {
                        "type": "string"
                      }
                    }
                  },
                  "requirements": {
                    "type": "string"
                  },
                  "deadline_working_days": {
                    "type": "integer",
                    "description": "1–60 working days on the district's calendar"
                  },
                  "officers": {
                    "type": "array",
                    "description": "Exactly two, with different certificate numbers",
                    "items": {
                      "type": "object",
                      "required": [
                        "name",
                        "certificate"
                      ],
                      "properties": {
                        "name": {
                          "type": "string"
                        },
                        "certificate": {
                          "type": "string"
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The notice, state issued, with its number in the district's format",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "missing_field, too_long, invalid_officers, invalid_deadline, invalid_found_at",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "shop_not_found",
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
    "/api/v1/notices": {
      "get": {
        "summary": "Notices, newest first",
        "operationId": "listNotices",
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
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page number from 1 (with page_size); a page past the end is empty. Not together with offset/limit",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100 (with offset; or use page and page_size)",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Default 0",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "state",
            "in": "query",
            "required": false,
            "description": "issued, served, rectified, overdue or escalated",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Notices: {\"items\": [...], \"total\": n}, the page asked for and how many there are in all",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_state; invalid_page, invalid_page_size, invalid_limit, invalid_offset, invalid_paging",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/notices/{number}": {
      "get": {
        "summary": "One notice with its history",
        "operationId": "getNotice",
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
            "description": "Notice id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The notice",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "notice_not_found",
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
    "/api/v1/notices/{number}/serve": {
      "post": {
        "summary": "Record service: receipt time and signer (issued → served)",
        "operationId": "serveNotice",
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
            "description": "Notice id, ZG-2026-0001",
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
                "type": "object",
                "required": [
                  "received_at",
                  "signer"
                ],
                "properties": {
                  "received_at": {
                    "type": "string"
                  },
                  "signer": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The notice",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "missing_field, invalid_received_at",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "notice_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "wrong_state",
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
    "/api/v1/notices/{number}/reinspect": {
      "post": {
        "summary": "Record a re-inspection: passed → rectified; failed past the deadline → overdue",
        "operationId": "reinspectNotice",
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
            "description": "Notice id, ZG-2026-0001",
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
                "type": "object",
                "required": [
                  "passed"
                ],
                "properties": {
                  "passed": {
                    "type": "boolean"
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The notice",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "too_long",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "notice_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "wrong_state",
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
    "/api/v1/notices/{number}/escalate": {
      "post": {
        "summary": "Escalate an overdue notice to a penalty case or the black list (also supervisors)",
        "operationId": "escalateNotice",
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
            "description": "Notice id, ZG-2026-0001",
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
                "type": "object",
                "required": [
                  "to"
                ],
                "properties": {
                  "to": {
                    "type": "string",
                    "enum": [
                      "penalty",
                      "black_list"
                    ]
                  },
                  "category": {
                    "type": "string",
                    "description": "For penalty: the catalog 事项 code of the case opened; default 09005"
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The notice; case_number names the penalty case opened, board_month the 红黑榜 month it was listed on",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_target, unknown_category (penalty with a code not in the catalog), too_long",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "notice_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "wrong_state",
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
    "/api/v1/idle-spaces": {
      "post": {
        "summary": "Register an idle space (消极空间) found by a grid survey (grid worker, street officer, department, admin)",
        "operationId": "registerIdleSpace",
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
                  "name",
                  "kind",
                  "outline",
                  "owner",
                  "hazard"
                ],
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "kind": {
                    "type": "string",
                    "enum": [
                      "vacantLot",
                      "derelictBuilding",
                      "underBridge",
                      "cornerPlot",
                      "rooftop",
                      "other"
                    ]
                  },
                  "outline": {
                    "type": "object",
                    "description": "GeoJSON Polygon (one closed ring)"
                  },
                  "owner": {
                    "type": "string"
                  },
                  "hazard": {
                    "type": "string",
                    "enum": [
                      "none",
                      "low",
                      "medium",
                      "high"
                    ]
                  },
                  "hazard_note": {
                    "type": "string"
                  },
                  "proposed_reuse": {
                    "type": "string"
                  },
                  "photos": {
                    "type": "array",
                    "items": {
                      "type": "string"
                    }
                  }
                }
              }
            }
          }
        },
        "responses": {
          "201": {
            "description": "The space, status registered, with its grid, community and street",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_kind, invalid_hazard, invalid_outline, outside_district, missing_field",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          }
        }
      },
      "get": {
        "summary": "Idle spaces, newest first",
        "operationId": "listIdleSpaces",
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
            "name": "page",
            "in": "query",
            "required": false,
            "description": "Page number from 1 (with page_size); a page past the end is empty. Not together with offset/limit",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "limit",
            "in": "query",
            "required": false,
            "description": "1–1000, default 100 (with offset; or use page and page_size)",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "offset",
            "in": "query",
            "required": false,
            "description": "Default 0",
            "schema": {
              "type": "integer"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "registered, plan, works, reused or cleared",
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
          }
        ],
        "responses": {
          "200": {
            "description": "Spaces: {\"items\": [...], \"total\": n}, the page asked for and how many there are in all",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_status; invalid_page, invalid_page_size, invalid_limit, invalid_offset, invalid_paging",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/idle-spaces/map": {
      "get": {
        "summary": "The idle spaces as a GeoJSON map layer",
        "operationId": "idleSpaceMap",
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
            "description": "registered, plan, works, reused or cleared",
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
          }
        ],
        "responses": {
          "200": {
            "description": "FeatureCollection with name, kind, status, hazard and case count",
            "content": {
              "application/geo+json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_status",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role",
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
    "/api/v1/idle-spaces/{id}": {
      "get": {
        "summary": "One idle space with its history and linked cases",
        "operationId": "getIdleSpace",
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
            "description": "Idle space id",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The space",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "idle_space_not_found",
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
    "/api/v1/idle-spaces/{id}/status": {
      "post": {
        "summary": "Move the space on: registered → plan → works → reused, or cleared",
        "operationId": "moveIdleSpace",
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
            "description": "Idle space id",
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
                "type": "object",
                "required": [
                  "status"
                ],
                "properties": {
                  "status": {
                    "type": "string"
                  },
                  "note": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The space",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "400": {
            "description": "invalid_status",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "idle_space_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "wrong_state",
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
    "/api/v1/idle-spaces/{id}/cases": {
      "post": {
        "summary": "Link a case to the space",
        "operationId": "linkIdleSpaceCase",
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
            "description": "Idle space id",
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
                "type": "object",
                "required": [
                  "case_number"
                ],
                "properties": {
                  "case_number": {
                    "type": "string"
                  }
                }
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "The space",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "401": {
            "description": "Not signed in",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "403": {
            "description": "forbidden_role or outside_scope",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "404": {
            "description": "idle_space_not_found or case_not_found",
            "content": {
              "application/json": {
                "schema": {
                  "type": "object"
                }
              }
            }
          },
          "409": {
            "description": "already_linked",
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
        "name": "xiuhua_session",
        "description": "The web pages' session; the API accepts it for reads only. A write (POST, PUT, PATCH, DELETE) signed in by the cookie alone is refused with 403 bearer_required."
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
      "AccountAdmin": {
        "type": "object",
        "required": [
          "id",
          "username",
          "name",
          "role",
          "role_name",
          "street_codes",
          "grid_codes",
          "disabled",
          "failed_logins"
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
          },
          "role_name": {
            "type": "string"
          },
          "department_code": {
            "type": "string",
            "nullable": true
          },
          "street_codes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "grid_codes": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "disabled": {
            "type": "boolean"
          },
          "disabled_at": {
            "type": "string",
            "format": "date-time",
            "nullable": true
          },
          "failed_logins": {
            "type": "integer",
            "description": "Failed sign-ins since the last good one"
          },
          "locked_until": {
            "type": "string",
            "format": "date-time",
            "nullable": true,
            "description": "Until when failed sign-ins hold the account back"
          }
        }
      },
      "AccountRequest": {
        "type": "object",
        "required": [
          "username",
          "name",
          "role",
          "password"
        ],
        "properties": {
          "username": {
            "type": "string",
            "description": "1–64 letters, digits, '.', '_' or '-'"
          },
          "name": {
            "type": "string",
            "maxLength": 100
          },
          "role": {
            "type": "string",
            "enum": [
              "operator",
              "gridWorker",
              "dutyChief",
              "dispatcher",
              "streetOfficer",
              "departmentHandler",
              "supervisor",
              "admin",
              "system",
              "healthWorker"
            ]
          },
          "department_code": {
            "type": "string",
            "description": "Required for departmentHandler"
          },
          "street_codes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Required for streetOfficer"
          },
          "grid_codes": {
            "type": "array",
            "items": {
              "type": "string"
            },
            "description": "Required for gridWorker"
          },
          "password": {
            "type": "string",
            "description": "8–64 characters (at most 72 bytes), a letter and a digit, not the username"
          }
        }
      },
      "PasswordRequest": {
        "type": "object",
        "required": [
          "password"
        ],
        "properties": {
          "password": {
            "type": "string",
            "description": "8–64 characters (at most 72 bytes), a letter and a digit, not the username"
          }
        }
      },
      "RevokedSessions": {
        "type": "object",
        "required": [
          "username",
          "revoked"
        ],
        "properties": {
          "username": {
            "type": "string"
          },
          "revoked": {
            "type": "integer"
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
          "status"
        ],
        "properties": {
          "number": {
            "type": "string"
          },
          "ticket_code": {
            "type": "string",
            "description": "Only when a citizen files for themself (the web channel without an account): the ticket is the citizen's credential, never given to staff."
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
            "description": "verify, accept, reject, dispatch, handle, check, close, rate, whistle, checkIn, reportWhistle, releaseSummons, rateSummons, merge, publishText … (docs/API.md)"
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
