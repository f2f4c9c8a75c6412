/* gui-test-util.h: a real window for the GUI tests
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "raming-document.h"
#include "raming-application.h"
#include "raming-window.h"

G_BEGIN_DECLS

int           gui_test_init              (int          *argc,
                                          char       ***argv);
void          gui_test_make_user_dirs    (void);
/* A registered application that is not the one running instance, so
 * that several tests can run in one process. */
RamingApplication *gui_test_start_application (void);
char         *gui_test_copy_example      (const char   *name);
RamingWindow *gui_test_open_window       (const char   *path);
void          gui_test_close_window      (RamingWindow *window);
void          gui_test_wait_for_draw     (GtkWidget    *widget);
void          gui_test_spin              (guint         ms);
gboolean      gui_test_wait_for          (gboolean    (*condition) (gpointer data),
                                          gpointer      data,
                                          guint         timeout_ms);
GtkWidget    *gui_test_find_measure_cell (RamingWindow *window,
                                          const char   *measure_id,
                                          RamingColumn  column);
GtkWidget    *gui_test_find_property_cell (RamingWindow *window,
                                          gpointer      item,
                                          const char   *property);
const char   *gui_test_cell_text         (RamingWindow *window,
                                          const char   *measure_id,
                                          RamingColumn  column);
const char   *gui_test_summary_text      (RamingWindow *window,
                                          RamingTotal   total);
void          gui_test_type_into_cell    (GtkWidget    *editable_cell,
                                          const char   *text);
gboolean      gui_test_is_type           (GtkWidget    *widget,
                                          gpointer      type);
GskRenderNode *gui_test_take_render_node (GtkWidget    *widget);
gboolean      gui_test_save_screenshot   (GtkWidget    *widget,
                                          const char   *path);
GtkWindow    *gui_test_find_dialog       (GType         type);
void          gui_test_respond           (GtkWindow    *dialog,
                                          const char   *response);

G_END_DECLS
