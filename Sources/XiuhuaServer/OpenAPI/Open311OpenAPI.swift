// The OpenAPI 3 description of the Open311 GeoReport v2 surface (`/open311/v2`), served at
// `GET /open311/v2/openapi.json`; hand-maintained beside docs/OPEN311.md.
enum Open311OpenAPI {
    static let json = #"""
{
  "openapi": "3.0.3",
  "info": {
    "title": "绣花 Xiuhua — Open311 GeoReport v2",
    "version": "2",
    "description": "GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as Xiuhua serves it, in .json and .xml. Lists are top-level JSON arrays; XML roots are discovery, services/service, service_definition, service_requests/request, errors/error. Rejected, cancelled and merged cases are never listed (a merged id answers as its survivor); a hotline case's description and address are a summary of category and place until staff publish the caller's words. POST fields are bounded (names 100 characters, phone 40, address 300, others 200, at most 50 attributes and 9 media_url). See docs/OPEN311.md."
  },
  "servers": [
    {
      "url": "/"
    }
  ],
  "paths": {
    "/open311/v2/discovery.json": {
      "get": {
        "summary": "Service discovery",
        "operationId": "discovery_json",
        "responses": {
          "200": {
            "description": "Discovery",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Discovery"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/services.json": {
      "get": {
        "summary": "Service list (事项 categories)",
        "operationId": "services_json",
        "parameters": [
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Services",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Service"
                  }
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/services/{service_code}.json": {
      "get": {
        "summary": "Service definition (the category's extra questions)",
        "operationId": "service_definition_json",
        "parameters": [
          {
            "name": "service_code",
            "in": "path",
            "required": true,
            "description": "Category code, e.g. 06010",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Definition",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/ServiceDefinition"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/requests.json": {
      "get": {
        "summary": "Service requests (newest first)",
        "operationId": "requests_json",
        "parameters": [
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "service_request_id",
            "in": "query",
            "required": false,
            "description": "Comma list; overrides every other filter",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "service_code",
            "in": "query",
            "required": false,
            "description": "Comma list of category codes",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "start_date",
            "in": "query",
            "required": false,
            "description": "W3C datetime with offset (or a date); requested_datetime ≥",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "end_date",
            "in": "query",
            "required": false,
            "description": "W3C datetime with offset (or a date); span ≤ 90 days",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "open, closed, or both comma-separated",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "updated_after",
            "in": "query",
            "required": false,
            "description": "W3C datetime; updated_datetime ≥",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "updated_before",
            "in": "query",
            "required": false,
            "description": "W3C datetime; updated_datetime ≤",
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
              "minimum": 1
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "At most 1000 (the default)",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          },
          {
            "name": "extensions",
            "in": "query",
            "required": false,
            "description": "true adds attributes, extended_attributes and notes",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Requests",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/ServiceRequest"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "File a service request (api_key required)",
        "operationId": "create_request_json",
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/NewRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Filed",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Filed"
                  }
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          },
          "403": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          },
          "429": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/requests/{service_request_id}.json": {
      "get": {
        "summary": "One service request (a one-element list)",
        "operationId": "request_json",
        "parameters": [
          {
            "name": "service_request_id",
            "in": "path",
            "required": true,
            "description": "Case number",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "extensions",
            "in": "query",
            "required": false,
            "description": "true adds attributes, extended_attributes and notes",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The request",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/ServiceRequest"
                  },
                  "minItems": 1,
                  "maxItems": 1
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/tokens/{token}.json": {
      "get": {
        "summary": "service_request_id from a token",
        "operationId": "token_json",
        "parameters": [
          {
            "name": "token",
            "in": "path",
            "required": true,
            "description": "The token returned by POST requests",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The id",
            "content": {
              "application/json": {
                "schema": {
                  "type": "array",
                  "items": {
                    "$ref": "#/components/schemas/Token"
                  }
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "application/json": {
                "schema": {
                  "$ref": "#/components/schemas/Errors"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/discovery.xml": {
      "get": {
        "summary": "Service discovery",
        "operationId": "discovery_xml",
        "responses": {
          "200": {
            "description": "Discovery",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/services.xml": {
      "get": {
        "summary": "Service list (事项 categories)",
        "operationId": "services_xml",
        "parameters": [
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Services",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/services/{service_code}.xml": {
      "get": {
        "summary": "Service definition (the category's extra questions)",
        "operationId": "service_definition_xml",
        "parameters": [
          {
            "name": "service_code",
            "in": "path",
            "required": true,
            "description": "Category code, e.g. 06010",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Definition",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/requests.xml": {
      "get": {
        "summary": "Service requests (newest first)",
        "operationId": "requests_xml",
        "parameters": [
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "service_request_id",
            "in": "query",
            "required": false,
            "description": "Comma list; overrides every other filter",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "service_code",
            "in": "query",
            "required": false,
            "description": "Comma list of category codes",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "start_date",
            "in": "query",
            "required": false,
            "description": "W3C datetime with offset (or a date); requested_datetime ≥",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "end_date",
            "in": "query",
            "required": false,
            "description": "W3C datetime with offset (or a date); span ≤ 90 days",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "status",
            "in": "query",
            "required": false,
            "description": "open, closed, or both comma-separated",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "updated_after",
            "in": "query",
            "required": false,
            "description": "W3C datetime; updated_datetime ≥",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "updated_before",
            "in": "query",
            "required": false,
            "description": "W3C datetime; updated_datetime ≤",
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
              "minimum": 1
            }
          },
          {
            "name": "page_size",
            "in": "query",
            "required": false,
            "description": "At most 1000 (the default)",
            "schema": {
              "type": "integer",
              "minimum": 1,
              "maximum": 1000
            }
          },
          {
            "name": "extensions",
            "in": "query",
            "required": false,
            "description": "true adds attributes, extended_attributes and notes",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "Requests",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      },
      "post": {
        "summary": "File a service request (api_key required)",
        "operationId": "create_request_xml",
        "requestBody": {
          "required": true,
          "content": {
            "application/x-www-form-urlencoded": {
              "schema": {
                "$ref": "#/components/schemas/NewRequest"
              }
            }
          }
        },
        "responses": {
          "200": {
            "description": "Filed",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "403": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "429": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/requests/{service_request_id}.xml": {
      "get": {
        "summary": "One service request (a one-element list)",
        "operationId": "request_xml",
        "parameters": [
          {
            "name": "service_request_id",
            "in": "path",
            "required": true,
            "description": "Case number",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "extensions",
            "in": "query",
            "required": false,
            "description": "true adds attributes, extended_attributes and notes",
            "schema": {
              "type": "boolean"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The request",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "400": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    },
    "/open311/v2/tokens/{token}.xml": {
      "get": {
        "summary": "service_request_id from a token",
        "operationId": "token_xml",
        "parameters": [
          {
            "name": "token",
            "in": "path",
            "required": true,
            "description": "The token returned by POST requests",
            "schema": {
              "type": "string"
            }
          },
          {
            "name": "jurisdiction_id",
            "in": "query",
            "required": false,
            "description": "The district code (optional: one district per server); unknown → 404",
            "schema": {
              "type": "string"
            }
          }
        ],
        "responses": {
          "200": {
            "description": "The id",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          },
          "404": {
            "description": "The spec's error list",
            "content": {
              "text/xml": {
                "schema": {
                  "type": "string"
                }
              }
            }
          }
        }
      }
    }
  },
  "components": {
    "schemas": {
      "Errors": {
        "type": "array",
        "minItems": 1,
        "items": {
          "type": "object",
          "required": [
            "code",
            "description"
          ],
          "properties": {
            "code": {
              "type": "integer"
            },
            "description": {
              "type": "string"
            }
          }
        }
      },
      "Discovery": {
        "type": "object",
        "required": [
          "changeset",
          "contact",
          "key_service",
          "endpoints"
        ],
        "properties": {
          "changeset": {
            "type": "string"
          },
          "contact": {
            "type": "string"
          },
          "key_service": {
            "type": "string"
          },
          "endpoints": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "specification",
                "url",
                "changeset",
                "type",
                "formats"
              ],
              "properties": {
                "specification": {
                  "type": "string"
                },
                "url": {
                  "type": "string"
                },
                "changeset": {
                  "type": "string"
                },
                "type": {
                  "type": "string",
                  "enum": [
                    "production",
                    "test"
                  ]
                },
                "formats": {
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
      "Service": {
        "type": "object",
        "required": [
          "service_code",
          "service_name",
          "description",
          "metadata",
          "type",
          "keywords",
          "group"
        ],
        "properties": {
          "service_code": {
            "type": "string"
          },
          "service_name": {
            "type": "string"
          },
          "description": {
            "type": "string"
          },
          "metadata": {
            "type": "boolean"
          },
          "type": {
            "type": "string",
            "enum": [
              "realtime",
              "batch",
              "blackbox"
            ]
          },
          "keywords": {
            "type": "string"
          },
          "group": {
            "type": "string"
          }
        }
      },
      "ServiceDefinition": {
        "type": "object",
        "required": [
          "service_code",
          "attributes"
        ],
        "properties": {
          "service_code": {
            "type": "string"
          },
          "attributes": {
            "type": "array",
            "items": {
              "$ref": "#/components/schemas/Attribute"
            }
          }
        }
      },
      "Attribute": {
        "type": "object",
        "required": [
          "variable",
          "code",
          "datatype",
          "required",
          "datatype_description",
          "order",
          "description",
          "values"
        ],
        "properties": {
          "variable": {
            "type": "boolean"
          },
          "code": {
            "type": "string"
          },
          "datatype": {
            "type": "string",
            "enum": [
              "string",
              "number",
              "datetime",
              "text",
              "singlevaluelist",
              "multivaluelist"
            ]
          },
          "required": {
            "type": "boolean"
          },
          "datatype_description": {
            "type": "string",
            "nullable": true
          },
          "order": {
            "type": "integer",
            "minimum": 1
          },
          "description": {
            "type": "string"
          },
          "values": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "key",
                "name"
              ],
              "properties": {
                "key": {
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
      "ServiceRequest": {
        "type": "object",
        "required": [
          "service_request_id",
          "status",
          "status_notes",
          "service_name",
          "service_code",
          "description",
          "agency_responsible",
          "service_notice",
          "requested_datetime",
          "updated_datetime",
          "expected_datetime",
          "address",
          "address_id",
          "zipcode",
          "lat",
          "long",
          "media_url"
        ],
        "properties": {
          "service_request_id": {
            "type": "string"
          },
          "status": {
            "type": "string",
            "enum": [
              "open",
              "closed"
            ]
          },
          "status_notes": {
            "type": "string",
            "nullable": true
          },
          "service_name": {
            "type": "string",
            "nullable": true
          },
          "service_code": {
            "type": "string"
          },
          "description": {
            "type": "string",
            "nullable": true
          },
          "agency_responsible": {
            "type": "string",
            "nullable": true
          },
          "service_notice": {
            "type": "string",
            "nullable": true
          },
          "requested_datetime": {
            "type": "string",
            "format": "date-time"
          },
          "updated_datetime": {
            "type": "string",
            "format": "date-time",
            "nullable": true
          },
          "expected_datetime": {
            "type": "string",
            "format": "date-time",
            "nullable": true
          },
          "address": {
            "type": "string",
            "nullable": true
          },
          "address_id": {
            "type": "string",
            "nullable": true
          },
          "zipcode": {
            "type": "string",
            "nullable": true
          },
          "lat": {
            "type": "number",
            "nullable": true
          },
          "long": {
            "type": "number",
            "nullable": true
          },
          "media_url": {
            "type": "string",
            "nullable": true
          },
          "attributes": {
            "type": "array",
            "items": {
              "type": "object"
            }
          },
          "extended_attributes": {
            "type": "object"
          },
          "notes": {
            "type": "array",
            "items": {
              "type": "object",
              "required": [
                "datetime",
                "description",
                "type"
              ]
            }
          }
        }
      },
      "NewRequest": {
        "type": "object",
        "required": [
          "api_key",
          "service_code"
        ],
        "properties": {
          "api_key": {
            "type": "string"
          },
          "jurisdiction_id": {
            "type": "string"
          },
          "service_code": {
            "type": "string"
          },
          "lat": {
            "type": "number"
          },
          "long": {
            "type": "number"
          },
          "address_string": {
            "type": "string"
          },
          "address_id": {
            "type": "string"
          },
          "email": {
            "type": "string"
          },
          "device_id": {
            "type": "string"
          },
          "account_id": {
            "type": "string"
          },
          "first_name": {
            "type": "string"
          },
          "last_name": {
            "type": "string"
          },
          "phone": {
            "type": "string"
          },
          "description": {
            "type": "string",
            "maxLength": 4000
          },
          "media_url": {
            "type": "string"
          }
        },
        "additionalProperties": {
          "type": "string",
          "description": "attribute[CODE] and attribute[CODE][] answers"
        }
      },
      "Filed": {
        "type": "object",
        "required": [
          "service_request_id",
          "token",
          "service_notice",
          "account_id"
        ],
        "properties": {
          "service_request_id": {
            "type": "string"
          },
          "token": {
            "type": "string"
          },
          "service_notice": {
            "type": "string",
            "nullable": true
          },
          "account_id": {
            "type": "string",
            "nullable": true
          }
        }
      },
      "Token": {
        "type": "object",
        "required": [
          "service_request_id",
          "token"
        ],
        "properties": {
          "service_request_id": {
            "type": "string"
          },
          "token": {
            "type": "string"
          }
        }
      }
    }
  }
}
"""#
}
