/**
 * The views' answers as types: each query's JSON, field for field, as the OpenAPI document describes it. The readers
 * build the answers as JSON trees; these records name their shape (AnswerTypesIT reads real answers into them and
 * writes them back unchanged). Dates of facts are partial dates as recorded ({@code 2001}, {@code 2001-03},
 * {@code ~2001-03-12}); fields a reader always writes are present with {@code null} when unknown, fields of a stored
 * document are left out when unknown.
 */
package org.dyad.views.web.answer;
