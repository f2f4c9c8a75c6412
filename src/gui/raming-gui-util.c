/* raming-gui-util.c
 *
 * Copyright 2026 The Raming developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>
#include <time.h>

#include "raming-format.h"
#include "raming-note-table.h"
#include "raming-gui-util.h"
#include "raming-window.h"

/* What a cell of the table shows, in the document's language and rounding;
 * the same words the note uses. */
char *
raming_gui_format_cell (RamingDocument *document,
                        RamingCell     *cell)
{
  if (raming_cell_get_kind (cell) == RAMING_CELL_ERROR)
    /* Translators: shown in a table cell that cannot be computed */
    return g_strdup (_("Error"));

  return raming_note_cell_text (document, raming_cell_get_measure (cell),
                                raming_cell_get_column (cell),
                                raming_document_get_language (document));
}

const char *
raming_gui_column_name (RamingColumn column)
{
  switch (column)
    {
    case RAMING_COLUMN_NATIONAL:
      return _("AEF estimate");
    case RAMING_COLUMN_RESULT:
      return _("Result");
    case RAMING_COLUMN_ORIGINAL:
      return _("Original expectation");
    case RAMING_COLUMN_REALISTIC:
      return _("Realistic estimate");
    default:
      g_assert_not_reached ();
    }
}

/* The column headers of the table, with the municipality where the note
 * names it. */
char *
raming_gui_column_title (RamingDocument *document,
                         RamingColumn    column)
{
  const char *municipality = raming_document_get_municipality (document);

  if (municipality == NULL || *municipality == '\0')
    {
      if (column == RAMING_COLUMN_NATIONAL)
        return g_strdup (_("AEF estimate for the municipality"));
      return g_strdup (raming_gui_column_name (column));
    }

  switch (column)
    {
    case RAMING_COLUMN_NATIONAL:
      /* Translators: column header; %s is the municipality. The note
       * says “Inschatting AEF doorberekend naar Zwolle”. */
      return g_strdup_printf (_("AEF estimate for %s"), municipality);
    case RAMING_COLUMN_RESULT:
      /* Translators: column header; %s is the municipality */
      return g_strdup_printf (_("Result %s"), municipality);
    case RAMING_COLUMN_ORIGINAL:
      /* Translators: column header; %s is the municipality */
      return g_strdup_printf (_("Original expectation %s"), municipality);
    case RAMING_COLUMN_REALISTIC:
      /* Translators: column header; %s is the municipality */
      return g_strdup_printf (_("Realistic estimate %s"), municipality);
    default:
      g_assert_not_reached ();
    }
}

/* A number that may be missing (NaN): empty text. */
char *
raming_gui_format_optional (double          value,
                            RamingLanguage  language,
                            gboolean        percent)
{
  if (isnan (value))
    return g_strdup ("");
  if (percent)
    return raming_format_percent (value, language, -1);
  if (value == floor (value))
    return raming_format_number (value, language, 0);
  return raming_format_plain (value, language);
}

/* Empty text means “not given” (NaN). A percentage field also takes a
 * plain number: “80” and “0,8” both mean 80 %. */
gboolean
raming_gui_parse_optional (const char      *text,
                           RamingLanguage   language,
                           gboolean         percent,
                           double          *value,
                           GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));
  double v;

  if (*stripped == '\0')
    {
      *value = NAN;
      return TRUE;
    }

  if (!raming_parse_number (stripped, language, &v, error))
    return FALSE;

  if (percent && strchr (stripped, '%') == NULL && v > 1)
    v /= 100;

  *value = v;
  return TRUE;
}

/* When the adviser types a new figure over an old one, the source, page,
 * note and range that were written down with it stay. */
RamingCellInput *
raming_gui_keep_input_details (RamingCellInput *old_input,
                               RamingCellInput *new_input)
{
  g_autoptr(RamingCellInput) with_meta = NULL;
  RamingCellInputKind kind = raming_cell_input_get_kind (new_input);

  if (old_input == NULL)
    return raming_cell_input_ref (new_input);

  with_meta = raming_cell_input_copy_with_meta (new_input,
                                                raming_cell_input_get_source (old_input),
                                                raming_cell_input_get_page (old_input),
                                                raming_cell_input_get_note (old_input));

  if ((kind == RAMING_CELL_INPUT_AMOUNT || kind == RAMING_CELL_INPUT_FORMULA) &&
      (raming_cell_input_get_low (old_input) != NULL || raming_cell_input_get_high (old_input) != NULL))
    return raming_cell_input_copy_with_range (with_meta,
                                              raming_cell_input_get_low (old_input),
                                              raming_cell_input_get_high (old_input));

  return g_steal_pointer (&with_meta);
}

static gboolean
id_taken (GListModel *model,
          const char *property,
          const char *id)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      g_autofree char *value = NULL;

      g_object_get (item, property, &value, NULL);
      if (g_strcmp0 (value, id) == 0)
        return TRUE;
    }
  return FALSE;
}

/* A new identifier for an item the adviser adds: base, base_2, … */
char *
raming_gui_unique_id (GListModel *model,
                      const char *property,
                      const char *base)
{
  char *id = g_strdup (base);

  for (guint n = 2; id_taken (model, property, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s_%u", base, n);
    }
  return id;
}

/* The status words a cell can hold, in the document's language: these
 * go into the note as they are, so they are not translated with the
 * interface. One menu per language and action, shared by every cell that
 * shows it (a table binds hundreds). */
static GMenuModel *
new_status_menu (RamingLanguage  language,
                 const char     *action)
{
  static const RamingCellStatus order[] = {
    RAMING_CELL_STATUS_UNKNOWN,
    RAMING_CELL_STATUS_NONE,
    RAMING_CELL_STATUS_TO_EXPLORE,
    RAMING_CELL_STATUS_NOT_APPLICABLE,
    RAMING_CELL_STATUS_EMPTY,
  };
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) words = g_menu_new ();
  g_autoptr(GMenu) clear = g_menu_new ();

  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *word = raming_cell_status_to_word (order[i], language);
      g_autoptr(GMenuItem) item = g_menu_item_new (word, NULL);

      g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (word));
      g_menu_append_item (words, item);

      /* The note also writes “Gaan we verkennen”: a plan, not a question. */
      if (order[i] == RAMING_CELL_STATUS_TO_EXPLORE && language == RAMING_LANGUAGE_NL)
        {
          g_autoptr(GMenuItem) plan = g_menu_item_new ("Gaan we verkennen", NULL);

          g_menu_item_set_action_and_target_value (plan, action,
                                                   g_variant_new_string ("Gaan we verkennen"));
          g_menu_append_item (words, plan);
        }
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("Clear Cell"), NULL);

    g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (""));
    g_menu_append_item (clear, item);
  }

  g_menu_append_section (menu, _("Status"), G_MENU_MODEL (words));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (clear));
  return G_MENU_MODEL (menu);
}

GMenuModel *
raming_gui_status_menu (RamingLanguage  language,
                        const char     *action)
{
  static GHashTable *menus;
  g_autofree char *key = NULL;
  GMenuModel *menu;

  g_return_val_if_fail (action != NULL, NULL);

  if (menus == NULL)
    menus = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  key = g_strdup_printf ("%d:%s", (int) language, action);
  menu = g_hash_table_lookup (menus, key);
  if (menu == NULL)
    {
      menu = new_status_menu (language, action);
      g_hash_table_insert (menus, g_steal_pointer (&key), menu);
    }
  return g_object_ref (menu);
}

const char *
raming_gui_action_status_name (RamingActionStatus status)
{
  switch (status)
    {
    case RAMING_ACTION_OPEN:
      /* Translators: status of an action item */
      return C_("action status", "Open");
    case RAMING_ACTION_IN_PROGRESS:
      return C_("action status", "In progress");
    case RAMING_ACTION_DONE:
      return C_("action status", "Done");
    case RAMING_ACTION_DROPPED:
      return C_("action status", "Dropped");
    default:
      return "";
    }
}

const char *
raming_gui_partner_kind_name (RamingPartnerKind kind)
{
  switch (kind)
    {
    case RAMING_PARTNER_REFERRER:
      /* Translators: a legal referrer to youth care (Jeugdwet-verwijzer) */
      return _("Referrer (Jeugdwet)");
    case RAMING_PARTNER_PARTNER:
      /* Translators: a partner in the “sociale basis” (schools, childcare) */
      return _("Partner (sociale basis)");
    default:
      return "";
    }
}

const char *
raming_gui_unit_name (RamingUnit unit)
{
  switch (unit)
    {
    case RAMING_UNIT_EURO:
      return _("Euro");
    case RAMING_UNIT_PERCENT:
      return _("Percentage");
    case RAMING_UNIT_COUNT:
      return _("Count");
    case RAMING_UNIT_FACTOR:
      return _("Factor");
    default:
      return "";
    }
}

static GDate *fixed_today;

/* Tests fix the date so that “overdue” does not depend on when they run. */
void
raming_gui_set_today (const char *iso_date)
{
  g_clear_pointer (&fixed_today, g_date_free);
  if (iso_date != NULL)
    {
      fixed_today = g_date_new ();
      if (!raming_parse_iso_date (iso_date, fixed_today))
        g_clear_pointer (&fixed_today, g_date_free);
    }
}

void
raming_gui_get_today (GDate *today)
{
  if (fixed_today != NULL)
    *today = *fixed_today;
  else
    {
      g_date_clear (today, 1);
      g_date_set_time_t (today, time (NULL));
    }
}

/* The computed value of an assumption, as the panel shows it. */
char *
raming_gui_format_assumption_value (RamingAssumption *assumption,
                                    RamingLanguage    language)
{
  double value = raming_assumption_get_value (assumption);

  if (raming_assumption_get_error (assumption) != NULL)
    return g_strdup (_("Error"));

  switch (raming_assumption_get_unit (assumption))
    {
    case RAMING_UNIT_PERCENT:
      return raming_format_percent (value, language, -1);
    case RAMING_UNIT_EURO:
      {
        g_autofree char *number = raming_format_number (value, language, fabs (value) < 100 ? 2 : 0);

        return g_strdup_printf (language == RAMING_LANGUAGE_NL ? "€ %s" : "€%s", number);
      }
    case RAMING_UNIT_COUNT:
    case RAMING_UNIT_FACTOR:
    default:
      return raming_format_number (value, language, value == floor (value) ? 0 : 2);
    }
}

/* What the adviser edits: the formula as written, or the amount; a
 * percentage as “0,89 %” rather than 0,0089. */
char *
raming_gui_assumption_edit_text (RamingAssumption *assumption,
                                 RamingLanguage    language)
{
  RamingCellInput *input = raming_assumption_get_input (assumption);

  if (input == NULL)
    return g_strdup ("");
  if (raming_cell_input_get_kind (input) == RAMING_CELL_INPUT_AMOUNT &&
      raming_assumption_get_unit (assumption) == RAMING_UNIT_PERCENT)
    return raming_format_percent (raming_cell_input_get_amount (input), language, -1);
  return raming_cell_input_to_text (input, language);
}

gboolean
raming_gui_list_find (GListModel *model,
                      gpointer    item,
                      guint      *position)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) other = g_list_model_get_item (model, i);

      if (other == item)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Depth first, in widget order; popovers included. */
GtkWidget *
raming_gui_find_descendant (GtkWidget *root,
                            gboolean (*match) (GtkWidget *widget,
                                               gpointer   data),
                            gpointer   data)
{
  if (match (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = raming_gui_find_descendant (child, match, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* GtkLabel takes a wrapping label's minimum width from its text laid
 * out at width 0 unless "width-chars" is set: Pango then breaks every
 * word down to single characters, shaping each piece with a hyphen
 * behind it, and does so again whenever the label is measured. The
 * details pane of one measure took 45.000 shapings (50 ms) before the
 * first frame, almost all of them for that. A minimum of a few
 * characters lays out the same on screen (the panes are far wider) at a
 * tenth of the cost (docs/performance.md, finding 22). Rows of
 * libadwaita wrap their titles and subtitles too, so this goes through
 * every label under @root, the rows' own included; labels that set
 * "width-chars" themselves keep it. */
#define WRAP_MINIMUM_CHARS 10

void
raming_gui_limit_wrap_minimum (GtkWidget *root)
{
  g_return_if_fail (GTK_IS_WIDGET (root));

  if (GTK_IS_LABEL (root) &&
      gtk_label_get_wrap (GTK_LABEL (root)) &&
      gtk_label_get_width_chars (GTK_LABEL (root)) < 0)
    gtk_label_set_width_chars (GTK_LABEL (root), WRAP_MINIMUM_CHARS);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    raming_gui_limit_wrap_minimum (child);
}

/* GTK 4.8's GL renderer draws each glyph it has not drawn before with
 * cairo on an image surface. Cairo's image surfaces bring font options of
 * their own, one of them private (round_glyph_positions), so the text is
 * drawn with another cairo scaled font than the one Pango measured it
 * with, and every glyph is loaded again. With GTK's default of unhinted
 * metrics cairo loads a glyph's metrics at the font's em size and its
 * image at the real size; for a TrueType font with hinting instructions
 * (DejaVu Sans, Debian's default font) FreeType runs the font's CVT
 * program again at each switch: ~400 times for the example's first frame,
 * a tenth of the main thread's instructions up to it.
 *
 * Giving the widgets the image surface's options, with everything else
 * left to GtkSettings, makes measuring and drawing share one scaled font,
 * so the glyphs Pango measured are drawn without loading them again.
 * Nothing on screen changes: Pango does not read that option and the
 * drawing had it already (docs/performance.md, finding 34). Widgets made
 * later without them only pay that cost once per glyph. GTK 4.14 draws
 * text in new renderers; it was not measured there, so this is left to
 * the GTK it was measured on. */
static const cairo_font_options_t *
drawing_font_options (void)
{
  static cairo_font_options_t *options;
  static gboolean looked;

  if (!looked)
    {
      cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_A8, 1, 1);
      cairo_font_options_t *plain = cairo_font_options_create ();

      looked = TRUE;
      options = cairo_font_options_create ();
      cairo_surface_get_font_options (surface, options);
      cairo_surface_destroy (surface);
      /* Hinted metrics or not stays GtkSettings' choice. */
      cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_DEFAULT);
      /* A cairo whose image surfaces bring nothing else: nothing to do. */
      if (cairo_font_options_equal (options, plain) ||
          cairo_font_options_status (options) != CAIRO_STATUS_SUCCESS ||
          gtk_get_minor_version () >= 14)
        g_clear_pointer (&options, cairo_font_options_destroy);
      cairo_font_options_destroy (plain);
    }
  return options;
}

void
raming_gui_share_drawing_font (GtkWidget *root)
{
  const cairo_font_options_t *options;

  g_return_if_fail (GTK_IS_WIDGET (root));

  options = drawing_font_options ();
  if (options == NULL)
    return;

  if (gtk_widget_get_font_options (root) == NULL)
    gtk_widget_set_font_options (root, options);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child;
       child = gtk_widget_get_next_sibling (child))
    raming_gui_share_drawing_font (child);
}

/* Tooltips without asking where the pointer is. GTK 4.8's
 * gtk_widget_set_tooltip_text() asks the display where the pointer is
 * each time it is called on a visible widget, so that a tooltip on screen
 * can follow: on X11 a round trip to the server, 0,2–0,3 ms here. The
 * table sets one on every cell it binds (again on every scroll), the
 * details pane on its buttons: 95 round trips before the first frame
 * (docs/performance.md, finding 23). This keeps the text on the widget
 * and hands it out from "query-tooltip" when GTK asks, and describes the
 * widget to assistive technology with it as GTK does. A tooltip on screen
 * is only updated when the pointer is over the widget, which GTK knows
 * without asking. */
static GQuark
tooltip_quark (void)
{
  static GQuark quark;

  if (quark == 0)
    quark = g_quark_from_static_string ("raming-tooltip-text");
  return quark;
}

static gboolean
on_query_tooltip (GtkWidget  *widget,
                  int         x,
                  int         y,
                  gboolean    keyboard_mode,
                  GtkTooltip *tooltip,
                  gpointer    user_data)
{
  const char *text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());

  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

void
raming_gui_set_tooltip_text (GtkWidget  *widget,
                             const char *text)
{
  const char *old;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (text != NULL && *text == '\0')
    text = NULL;
  old = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  if (g_strcmp0 (old, text) == 0)
    return;

  if (g_signal_handler_find (widget, G_SIGNAL_MATCH_FUNC, 0, 0, NULL, on_query_tooltip, NULL) == 0)
    g_signal_connect (widget, "query-tooltip", G_CALLBACK (on_query_tooltip), NULL);
  g_object_set_qdata_full (G_OBJECT (widget), tooltip_quark (), g_strdup (text), g_free);
  gtk_widget_set_has_tooltip (widget, text != NULL);
  if (text != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);

  if (gtk_widget_get_mapped (widget) &&
      (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_PRELIGHT) != 0)
    gtk_widget_trigger_tooltip_query (widget);
}

/* The tooltips of a template's widgets, which a .ui file cannot set
 * without the pointer query above: @tooltips names each widget by its id
 * in the template of @template_type (bound with
 * gtk_widget_class_bind_template_child_full()) and gives its text, still
 * to be translated. */
void
raming_gui_set_template_tooltips (GtkWidget              *widget,
                                  GType                   template_type,
                                  const RamingGuiTooltip *tooltips,
                                  gsize                   n_tooltips)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  for (gsize i = 0; i < n_tooltips; i++)
    {
      GObject *child = gtk_widget_get_template_child (widget, template_type, tooltips[i].id);

      g_return_if_fail (GTK_IS_WIDGET (child));
      raming_gui_set_tooltip_text (GTK_WIDGET (child), _(tooltips[i].text));
    }
}

/* The text raming_gui_set_tooltip_text() gave @widget, or else GTK's own
 * (set in a .ui file). */
const char *
raming_gui_get_tooltip_text (GtkWidget *widget)
{
  const char *text;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  text = g_object_get_qdata (G_OBJECT (widget), tooltip_quark ());
  return text != NULL ? text : gtk_widget_get_tooltip_text (widget);
}

/* A removal is undone from its toast. */
void
raming_gui_show_undo_toast (GtkWidget  *widget,
                            const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (RAMING_IS_WINDOW (root))
    raming_window_add_toast (RAMING_WINDOW (root), message, TRUE);
}

void
raming_gui_show_toast (GtkWidget  *widget,
                       const char *message)
{
  GtkRoot *root = gtk_widget_get_root (widget);

  if (RAMING_IS_WINDOW (root))
    raming_window_add_toast (RAMING_WINDOW (root), message, FALSE);
}

/* NULL when the schema is not installed (running from the build tree
 * without it): the window then uses its defaults and remembers nothing. */
GSettings *
raming_gui_settings_new (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      static gboolean warned;

      if (!warned)
        g_message ("The settings schema %s is not installed; settings are not kept", APP_ID);
      warned = TRUE;
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}
