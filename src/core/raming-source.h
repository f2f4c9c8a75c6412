/* raming-source.h: a document that figures are taken from
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RAMING_TYPE_SOURCE (raming_source_get_type ())

G_DECLARE_FINAL_TYPE (RamingSource, raming_source, RAMING, SOURCE, GObject)

RamingSource *raming_source_new        (const char   *id);
const char   *raming_source_get_id     (RamingSource *self);
void          raming_source_set_id     (RamingSource *self,
                                        const char   *id);
const char   *raming_source_get_title  (RamingSource *self);
void          raming_source_set_title  (RamingSource *self,
                                        const char   *title);
const char   *raming_source_get_author (RamingSource *self);
void          raming_source_set_author (RamingSource *self,
                                        const char   *author);
const char   *raming_source_get_year   (RamingSource *self);
void          raming_source_set_year   (RamingSource *self,
                                        const char   *year);
const char   *raming_source_get_url    (RamingSource *self);
void          raming_source_set_url    (RamingSource *self,
                                        const char   *url);
const char   *raming_source_get_note   (RamingSource *self);
void          raming_source_set_note   (RamingSource *self,
                                        const char   *note);

G_END_DECLS
