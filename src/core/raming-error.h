/* raming-error.h: errors a document can cause
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define RAMING_DOCUMENT_ERROR (raming_document_error_quark ())

typedef enum
{
  RAMING_DOCUMENT_ERROR_NOT_JSON,       /* not a readable JSON text */
  RAMING_DOCUMENT_ERROR_NOT_RAMING,     /* JSON, but not a Raming document */
  RAMING_DOCUMENT_ERROR_NEWER_VERSION,  /* made by a newer Raming */
  RAMING_DOCUMENT_ERROR_INVALID,        /* a value that cannot be right */
  RAMING_DOCUMENT_ERROR_DUPLICATE,      /* two things with the same id */
  RAMING_DOCUMENT_ERROR_REFERENCE,      /* points at something that is not there */
  RAMING_DOCUMENT_ERROR_TOO_LARGE,      /* over the documented limits */
  RAMING_DOCUMENT_ERROR_CHANGED_ON_DISK,/* someone else saved the file */
} RamingDocumentError;

GQuark raming_document_error_quark (void);

G_END_DECLS
