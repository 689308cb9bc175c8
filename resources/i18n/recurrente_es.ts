<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es" sourcelanguage="en">
    <context>
        <name />
        <message>
            <location filename="../../app/data_form.py" line="93" />
            <source>The allowed labels, separated by commas; their order gives the class ids (empty: the labels in the file, sorted).</source>
            <extracomment>The loader options the file page shows, per format (see :mod:`engine.data.files`). ``0`` stands for "no limit" and ``auto``/``default`` for the loader's own choice; both are the defaults, so they are never written to the options.</extracomment>
            <translation>Las etiquetas permitidas, separadas por comas; su orden da los identificadores de clase (vacío: las etiquetas del archivo, ordenadas).</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="95" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="96" />
            <source>all</source>
            <translation>todos</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="105" />
            <source>Loss</source>
            <translation>Pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="131" />
            <source>Gradient norm</source>
            <translation>Norma del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <source>Through time</source>
            <translation>A través del tiempo</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="102" />
            <source>Compare runs</source>
            <translation>Comparar ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>training step</source>
            <translation>paso de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="105" />
            <source>loss</source>
            <translation>pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>Metric per epoch</source>
            <translation>Métrica por época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>metric</source>
            <translation>métrica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="107" />
            <source>epoch</source>
            <translation>época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="108" />
            <source>Global gradient norm</source>
            <translation>Norma global del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="109" />
            <source>Per block</source>
            <translation>Por bloque</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="110" />
            <source>Per matrix</source>
            <translation>Por matriz</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="111" />
            <source>‖dL/dh(t)‖ through time (colour: log scale)</source>
            <translation>‖dL/dh(t)‖ a través del tiempo (color: escala logarítmica)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="113" />
            <source>Latest capture</source>
            <translation>Última captura</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="114" />
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="119" />
            <source>training (per step)</source>
            <translation>entrenamiento (por paso)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="120" />
            <source>training (smoothed)</source>
            <translation>entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="121" />
            <source>validation (per epoch)</source>
            <translation>validación (por época)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="122" />
            <source>training</source>
            <translation>entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="123" />
            <source>validation</source>
            <translation>validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="124" />
            <source>before clipping</source>
            <translation>antes del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="125" />
            <source>after clipping</source>
            <translation>después del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="126" />
            <source>clipping fired</source>
            <translation>recorte aplicado</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="129" />
            <source>Training loss (smoothed)</source>
            <translation>Pérdida de entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="130" />
            <source>Validation loss</source>
            <translation>Pérdida de validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="132" />
            <source>Validation metric</source>
            <translation>Métrica de validación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="61" />
            <source>Optimiser</source>
            <translation>Optimizador</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="62" />
            <source>Schedule</source>
            <translation>Planificación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="64" />
            <source>Gradients</source>
            <translation>Gradientes</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="65" />
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="66" />
            <source>by norm</source>
            <translation>por norma</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="66" />
            <source>by value</source>
            <translation>por valor</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="67" />
            <source>off (full BPTT)</source>
            <translation>desactivado (BPTT completa)</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="67" />
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="68" />
            <source>off</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="211" />
            <source>Other</source>
            <translation>Otros</translation>
        </message>
    </context>
    <context>
        <name>DataForm</name>
        <message>
            <location filename="../../app/data_form.py" line="164" />
            <source>Built-in</source>
            <translation>Integrado</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="165" />
            <location filename="../../app/data_form.py" line="219" />
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="166" />
            <source>A task generated by code from a seed.</source>
            <translation>Una tarea generada por código a partir de una semilla.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="167" />
            <source>Your own data: CSV, NumPy, text or piano rolls.</source>
            <translation>Tus propios datos: CSV, NumPy, texto o rollos de piano.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="186" />
            <source>Choose a data set</source>
            <translation>Elige un conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="205" />
            <source>Path of the data file</source>
            <translation>Ruta del archivo de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="208" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="214" />
            <source>auto (from the suffix)</source>
            <translation>automático (según la extensión)</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="220" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="309" />
            <source>Choose a format to see its options; a .txt or .tsv file is read as text or parallel, told from its contents.</source>
            <translation>Elige un formato para ver sus opciones; un archivo .txt o .tsv se lee como texto o como corpus paralelo, según su contenido.</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="316" />
            <source>from the file</source>
            <translation>del archivo</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="373" />
            <source>Choose a data file</source>
            <translation>Elige un archivo de datos</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="374" />
            <source>Data files (*.csv *.npz *.npy *.json *.tsv *.txt);;All files (*)</source>
            <translation>Archivos de datos (*.csv *.npz *.npy *.json *.tsv *.txt);;Todos los archivos (*)</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="93" />
            <source>The allowed labels, separated by commas; their order gives the class ids (empty: the labels in the file, sorted).</source>
            <extracomment>The loader options the file page shows, per format (see :mod:`engine.data.files`). ``0`` stands for "no limit" and ``auto``/``default`` for the loader's own choice; both are the defaults, so they are never written to the options.</extracomment>
            <translation>Las etiquetas permitidas, separadas por comas; su orden da los identificadores de clase (vacío: las etiquetas del archivo, ordenadas).</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="95" />
            <source>no limit</source>
            <translation>sin límite</translation>
        </message>
        <message>
            <location filename="../../app/data_form.py" line="96" />
            <source>all</source>
            <translation>todos</translation>
        </message>
    </context>
    <context>
        <name>DesignDocument</name>
        <message>
            <location filename="../../designer/document.py" line="202" />
            <source>The network cannot change while it is being trained; stop training first (moving blocks is still allowed).</source>
            <translation>La red no puede cambiar mientras se entrena; detén primero el entrenamiento (mover bloques sigue estando permitido).</translation>
        </message>
    </context>
    <context>
        <name>DesignEditor</name>
        <message>
            <location filename="../../designer/editor.py" line="71" />
            <source>Opened design</source>
            <translation>Diseño abierto</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="101" />
            <source>There is no block kind '{kind}'.</source>
            <translation>No existe el tipo de bloque '{kind}'.</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="183" />
            <source>the wire was refused</source>
            <translation>se rechazó la conexión</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="209" />
            <source>Cut</source>
            <translation>Cortar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="215" />
            <source>The clipboard holds no blocks to paste.</source>
            <translation>El portapapeles no contiene bloques que pegar.</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="218" />
            <source>Paste</source>
            <translation>Pegar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="225" />
            <source>Duplicate</source>
            <translation>Duplicar</translation>
        </message>
        <message>
            <location filename="../../designer/editor.py" line="330" />
            <source>Add block</source>
            <translation>Añadir bloque</translation>
        </message>
    </context>
    <context>
        <name>DesignScene</name>
        <message>
            <location filename="../../designer/scene.py" line="165" />
            <source>input</source>
            <translation>entrada</translation>
        </message>
        <message>
            <location filename="../../designer/scene.py" line="165" />
            <source>output</source>
            <translation>salida</translation>
        </message>
    </context>
    <context>
        <name>EditorWindow</name>
        <message>
            <location filename="../../designer/__main__.py" line="35" />
            <source>Recurrente — {name}</source>
            <translation>Recurrente — {name}</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="37" />
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="38" />
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="40" />
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="41" />
            <source>Unrolled in time</source>
            <translation>Desplegado en el tiempo</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="43" />
            <source>Blocks</source>
            <translation>Bloques</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="45" />
            <source>Block</source>
            <translation>Bloque</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="46" />
            <source>Analysis</source>
            <translation>Análisis</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="49" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../designer/__main__.py" line="53" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
    </context>
    <context>
        <name>ExampleGallery</name>
        <message>
            <location filename="../../app/gallery.py" line="29" />
            <source>Examples</source>
            <translation>Ejemplos</translation>
        </message>
        <message>
            <location filename="../../app/gallery.py" line="38" />
            <source>Pick a network to start from. Each example comes with a data set, so you can press Train straight away.</source>
            <translation>Elige una red de partida. Cada ejemplo incluye un conjunto de datos, así que puedes pulsar Entrenar directamente.</translation>
        </message>
    </context>
    <context>
        <name>ExportDialog</name>
        <message>
            <location filename="../../app/export_dialog.py" line="41" />
            <source>Export the trained model</source>
            <translation>Exportar el modelo entrenado</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="49" />
            <source>Browse…</source>
            <translation>Examinar…</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="57" />
            <source>Traced formats run batches of exactly this many steps.</source>
            <translation>Los formatos trazados procesan lotes de exactamente este número de pasos.</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="58" />
            <source>Also save the checkpoint (weights and design)</source>
            <translation>Guardar también el punto de control (pesos y diseño)</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="66" />
            <source>Format</source>
            <translation>Formato</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="67" />
            <source>File</source>
            <translation>Archivo</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="68" />
            <source>Steps (traced formats)</source>
            <translation>Pasos (formatos trazados)</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="71" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="73" />
            <source>Copy code</source>
            <translation>Copiar código</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="80" />
            <source>Load and run it with:</source>
            <translation>Cárgalo y ejecútalo con:</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="112" />
            <source>Export to</source>
            <translation>Exportar a</translation>
        </message>
        <message>
            <location filename="../../app/export_dialog.py" line="136" />
            <source>Written: {files}</source>
            <translation>Escrito: {files}</translation>
        </message>
    </context>
    <context>
        <name>FileController</name>
        <message>
            <location filename="../../app/files.py" line="52" />
            <location filename="../../app/files.py" line="92" />
            <source>Untitled</source>
            <translation>Sin título</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="80" />
            <source>Unsaved changes</source>
            <translation>Cambios sin guardar</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="81" />
            <source>The design has unsaved changes. Save them first?</source>
            <translation>El diseño tiene cambios sin guardar. ¿Guardarlos primero?</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="98" />
            <source>Open design</source>
            <translation>Abrir diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="110" />
            <source>Cannot open the design</source>
            <translation>No se puede abrir el diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="122" />
            <source>Cannot open the example</source>
            <translation>No se puede abrir el ejemplo</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="146" />
            <source>Save design</source>
            <translation>Guardar diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="159" />
            <source>Cannot save the design</source>
            <translation>No se puede guardar el diseño</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="196" />
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="210" />
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="211" />
            <source>The new language applies from the next start.</source>
            <translation>El nuevo idioma se aplicará a partir del próximo inicio.</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="221" />
            <source>an untitled design</source>
            <translation>un diseño sin título</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="224" />
            <source>Recover unsaved work?</source>
            <translation>¿Recuperar el trabajo sin guardar?</translation>
        </message>
        <message>
            <location filename="../../app/files.py" line="225" />
            <source>Recurrente did not close cleanly last time. Restore the unsaved changes to {source}?</source>
            <translation>Recurrente no se cerró correctamente la última vez. ¿Restaurar los cambios sin guardar de {source}?</translation>
        </message>
    </context>
    <context>
        <name>GateHeatmaps</name>
        <message>
            <location filename="../../app/tryit_views.py" line="175" />
            <source>unit</source>
            <translation>unidad</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="213" />
            <source>r: PyTorch's reset gate, inside the recurrent term</source>
            <translation>r: compuerta de reinicio de PyTorch, dentro del término recurrente</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="214" />
            <source>z: PyTorch's share of h(t-1) kept</source>
            <translation>z: fracción de h(t-1) que conserva PyTorch</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="215" />
            <source>Gu = 1 − z: update gate (share of the candidate)</source>
            <translation>Gu = 1 − z: compuerta de actualización (fracción del candidato)</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="216" />
            <source>n(t): PyTorch's candidate state</source>
            <translation>n(t): estado candidato de PyTorch</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="219" />
            <source>h(t): hidden state</source>
            <translation>h(t): estado oculto</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="219" />
            <source>c(t): cell state</source>
            <translation>c(t): estado de la celda</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="220" />
            <source>c~(t): candidate cell state</source>
            <translation>c~(t): estado candidato de la celda</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="221" />
            <source>h~(t): candidate state</source>
            <translation>h~(t): estado candidato</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="222" />
            <source>Gu: update gate</source>
            <translation>Gu: compuerta de actualización</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="222" />
            <source>Gf: forget gate</source>
            <translation>Gf: compuerta de olvido</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="223" />
            <source>Go: output gate</source>
            <translation>Go: compuerta de salida</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="223" />
            <source>Gr: relevance gate</source>
            <translation>Gr: compuerta de relevancia</translation>
        </message>
    </context>
    <context>
        <name>GatesView</name>
        <message>
            <location filename="../../app/tryit_gates.py" line="46" />
            <source>Recurrent block:</source>
            <translation>Bloque recurrente:</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="48" />
            <source>Layer:</source>
            <translation>Capa:</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="138" />
            <source>layer {n}</source>
            <translation>capa {n}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="140" />
            <source>layer {n}, backward</source>
            <translation>capa {n}, hacia atrás</translation>
        </message>
        <message>
            <location filename="../../app/tryit_gates.py" line="141" />
            <source>layer {n}, forward</source>
            <translation>capa {n}, hacia delante</translation>
        </message>
    </context>
    <context>
        <name>InspectorWidget</name>
        <message>
            <location filename="../../designer/inspector.py" line="59" />
            <location filename="../../designer/inspector.py" line="116" />
            <source>Select a block to see its parameters and equations.</source>
            <translation>Selecciona un bloque para ver sus parámetros y ecuaciones.</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="80" />
            <source>Block name</source>
            <translation>Nombre del bloque</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="114" />
            <source>{n} blocks selected.</source>
            <translation>{n} bloques seleccionados.</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="209" />
            <source>&lt;b&gt;Parameters:&lt;/b&gt; known once its input is wired</source>
            <translation>&lt;b&gt;Parámetros:&lt;/b&gt; se conocen cuando su entrada esté conectada</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="211" />
            <source>&lt;b&gt;Parameters:&lt;/b&gt; {n}</source>
            <translation>&lt;b&gt;Parámetros:&lt;/b&gt; {n}</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="214" />
            <source>&lt;b&gt;Sizes:&lt;/b&gt; {sizes}</source>
            <translation>&lt;b&gt;Tamaños:&lt;/b&gt; {sizes}</translation>
        </message>
        <message>
            <location filename="../../designer/inspector.py" line="218" />
            <source>&lt;b&gt;In PyTorch:&lt;/b&gt;</source>
            <translation>&lt;b&gt;En PyTorch:&lt;/b&gt;</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../app/window.py" line="95" />
            <source>Blocks</source>
            <translation>Bloques</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="96" />
            <source>History</source>
            <translation>Historial</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="97" />
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="98" />
            <source>Data &amp;&amp; training</source>
            <translation>Datos &amp;&amp; entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="102" />
            <source>Problems</source>
            <translation>Problemas</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="103" />
            <source>Training plots</source>
            <translation>Gráficas de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="104" />
            <source>Try it</source>
            <translation>Pruébalo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="105" />
            <source>Unrolled in time</source>
            <translation>Desplegado en el tiempo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="131" />
            <source>&amp;New</source>
            <translation>&amp;Nuevo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="132" />
            <source>&amp;Open…</source>
            <translation>&amp;Abrir…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="133" />
            <source>&amp;Save</source>
            <translation>&amp;Guardar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="134" />
            <source>Save &amp;As…</source>
            <translation>Guardar &amp;como…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="135" />
            <source>&amp;Examples…</source>
            <translation>&amp;Ejemplos…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="136" />
            <source>&amp;Export Model…</source>
            <translation>E&amp;xportar modelo…</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="138" />
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="139" />
            <location filename="../../app/window.py" line="171" />
            <source>&amp;Train</source>
            <translation>E&amp;ntrenar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="140" />
            <source>Train the design on its data set</source>
            <translation>Entrenar el diseño con su conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="141" />
            <location filename="../../app/window.py" line="317" />
            <source>&amp;Pause</source>
            <translation>&amp;Pausar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="142" />
            <source>S&amp;top</source>
            <translation>De&amp;tener</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="148" />
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="151" />
            <source>Open &amp;Recent</source>
            <translation>Abrir &amp;reciente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="158" />
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="163" />
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="167" />
            <source>&amp;Panels</source>
            <translation>&amp;Paneles</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="174" />
            <source>&amp;Help</source>
            <translation>A&amp;yuda</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="175" />
            <source>&amp;About Recurrente</source>
            <translation>&amp;Acerca de Recurrente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="179" />
            <source>Main</source>
            <translation>Principal</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="191" />
            <source>idle</source>
            <translation>inactivo</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="260" />
            <source>Fix the problems listed before training ({n} errors).</source>
            <translation>Corrige los problemas de la lista antes de entrenar ({n} errores).</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="268" />
            <source>Choose a data set in Data &amp; training.</source>
            <translation>Elige un conjunto de datos en Datos &amp; entrenamiento.</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="290" />
            <source>Device not available</source>
            <translation>Dispositivo no disponible</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="291" />
            <source>{reason}

Train on the CPU instead?</source>
            <translation>{reason}

¿Entrenar en la CPU en su lugar?</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="295" />
            <source>Training on the CPU: {reason}</source>
            <translation>Entrenando en la CPU: {reason}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="317" />
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="318" />
            <source>Training: the network's parameters are locked (the layout stays editable)</source>
            <translation>Entrenando: los parámetros de la red están bloqueados (la disposición sigue siendo editable)</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="324" />
            <source> — paused</source>
            <translation> — en pausa</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="339" />
            <source>epoch {epoch} · step {step}/{total} · ETA {eta}</source>
            <translation>época {epoch} · paso {step}/{total} · tiempo restante {eta}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="349" />
            <source>Training stopped</source>
            <translation>Entrenamiento detenido</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="358" />
            <source>failed at step {step}</source>
            <translation>falló en el paso {step}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="360" />
            <source>{reason} · {steps} steps · {time}</source>
            <translation>{reason} · {steps} pasos · {time}</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="393" />
            <source>About Recurrente</source>
            <translation>Acerca de Recurrente</translation>
        </message>
        <message>
            <location filename="../../app/window.py" line="394" />
            <source>&lt;h3&gt;Recurrente&lt;/h3&gt;&lt;p&gt;Design, train and understand recurrent neural networks: Elman RNNs, GRUs and LSTMs as taught, wired by hand, trained while you watch the gradients flow through time.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;Recurrente&lt;/h3&gt;&lt;p&gt;Diseña, entrena y comprende redes neuronales recurrentes: RNN de Elman, GRU y LSTM tal como se explican en clase, conectadas a mano y entrenadas mientras ves fluir los gradientes a través del tiempo.&lt;/p&gt;</translation>
        </message>
    <message><location filename="../../app/window.py" line="1" /><source>Out of memory</source><translation>Memoria agotada</translation></message><message><location filename="../../app/window.py" line="1" /><source>{message}

The device ran out of memory. Train again on the CPU?</source><translation>{message}

El dispositivo se quedó sin memoria. ¿Entrenar de nuevo en la CPU?</translation></message></context>
    <context>
        <name>PaletteWidget</name>
        <message>
            <location filename="../../designer/palette.py" line="131" />
            <source>Search blocks…</source>
            <translation>Buscar bloques…</translation>
        </message>
        <message>
            <location filename="../../designer/palette.py" line="147" />
            <source>Drag a block onto the canvas, or double-click it.</source>
            <translation>Arrastra un bloque al lienzo o haz doble clic en él.</translation>
        </message>
    </context>
    <context>
        <name>PianoRoll</name>
        <message>
            <location filename="../../app/tryit_views.py" line="124" />
            <source>key</source>
            <translation>tecla</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="124" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
    </context>
    <context>
        <name>PlotsPanel</name>
        <message>
            <location filename="../../app/plots.py" line="183" />
            <source>Logarithmic scale</source>
            <translation>Escala logarítmica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="190" />
            <source>Export PNG…</source>
            <translation>Exportar PNG…</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="190" />
            <source>Export CSV…</source>
            <translation>Exportar CSV…</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="361" />
            <source>metric</source>
            <translation>métrica</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="412" />
            <source>{0} · layer {1}</source>
            <translation>{0} · capa {1}</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="431" />
            <source>Latest capture (step {0})</source>
            <translation>Última captura (paso {0})</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="451" />
            <source>epoch</source>
            <translation>época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="459" />
            <source> (failed)</source>
            <translation> (fallida)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="459" />
            <source> (stopped)</source>
            <translation> (detenida)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="505" />
            <source>PNG image (*.png)</source>
            <translation>Imagen PNG (*.png)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="505" />
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="506" />
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="105" />
            <source>Loss</source>
            <translation>Pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <location filename="../../app/plots.py" line="131" />
            <source>Gradient norm</source>
            <translation>Norma del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="101" />
            <source>Through time</source>
            <translation>A través del tiempo</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="102" />
            <source>Compare runs</source>
            <translation>Comparar ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>training step</source>
            <translation>paso de entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="103" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="105" />
            <source>loss</source>
            <translation>pérdida</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="106" />
            <source>Metric per epoch</source>
            <translation>Métrica por época</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="108" />
            <source>Global gradient norm</source>
            <translation>Norma global del gradiente</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="109" />
            <source>Per block</source>
            <translation>Por bloque</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="110" />
            <source>Per matrix</source>
            <translation>Por matriz</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="111" />
            <source>‖dL/dh(t)‖ through time (colour: log scale)</source>
            <translation>‖dL/dh(t)‖ a través del tiempo (color: escala logarítmica)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="113" />
            <source>Latest capture</source>
            <translation>Última captura</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="114" />
            <source>Runs</source>
            <translation>Ejecuciones</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="119" />
            <source>training (per step)</source>
            <translation>entrenamiento (por paso)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="120" />
            <source>training (smoothed)</source>
            <translation>entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="121" />
            <source>validation (per epoch)</source>
            <translation>validación (por época)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="122" />
            <source>training</source>
            <translation>entrenamiento</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="123" />
            <source>validation</source>
            <translation>validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="124" />
            <source>before clipping</source>
            <translation>antes del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="125" />
            <source>after clipping</source>
            <translation>después del recorte</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="126" />
            <source>clipping fired</source>
            <translation>recorte aplicado</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="129" />
            <source>Training loss (smoothed)</source>
            <translation>Pérdida de entrenamiento (suavizada)</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="130" />
            <source>Validation loss</source>
            <translation>Pérdida de validación</translation>
        </message>
        <message>
            <location filename="../../app/plots.py" line="132" />
            <source>Validation metric</source>
            <translation>Métrica de validación</translation>
        </message>
    </context>
    <context>
        <name>ProbabilityBars</name>
        <message>
            <location filename="../../app/tryit_views.py" line="57" />
            <location filename="../../app/tryit_views.py" line="67" />
            <source>probability</source>
            <translation>probabilidad</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="78" />
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="81" />
            <source>{name} predicted</source>
            <translation>{name} predicho</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="87" />
            <source>{name} target</source>
            <translation>{name} objetivo</translation>
        </message>
    </context>
    <context>
        <name>ProblemsWidget</name>
        <message>
            <location filename="../../designer/problems.py" line="71" />
            <source>Design</source>
            <translation>Diseño</translation>
        </message>
        <message>
            <location filename="../../designer/problems.py" line="81" />
            <source>✓ No problems: the design compiles.</source>
            <translation>✓ Sin problemas: el diseño compila.</translation>
        </message>
        <message>
            <location filename="../../designer/problems.py" line="84" />
            <source>{e} error(s), {w} warning(s)</source>
            <translation>{e} error(es), {w} aviso(s)</translation>
        </message>
    </context>
    <context>
        <name>Runner</name>
        <message>
            <location filename="../../app/tryit_run.py" line="78" />
            <source>The design has errors; fix them and train it again.</source>
            <translation>El diseño tiene errores; corrígelos y vuelve a entrenarlo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="81" />
            <source>Trying a design needs exactly one output block.</source>
            <translation>Para probar un diseño hace falta exactamente un bloque de salida.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="134" />
            <source>start</source>
            <translation>inicio</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="140" />
            <source>This model's input cannot be typed; pick an example.</source>
            <translation>La entrada de este modelo no se puede escribir; elige un ejemplo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="143" />
            <source>Type a sentence first: the input is empty.</source>
            <translation>Escribe primero una frase: la entrada está vacía.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="150" />
            <source>None of these words is in the data set's vocabulary: {words}</source>
            <translation>Ninguna de estas palabras está en el vocabulario del conjunto de datos: {words}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="154" />
            <source>read as &lt;unk&gt;</source>
            <translation>leídas como &lt;unk&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="155" />
            <source>left out: the vocabulary has no &lt;unk&gt;</source>
            <translation>omitidas: el vocabulario no tiene &lt;unk&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="156" />
            <source>Not in the vocabulary ({how}): {words}</source>
            <translation>No están en el vocabulario ({how}): {words}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="166" />
            <source>There is no validation example {n}.</source>
            <translation>No existe el ejemplo de validación {n}.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="179" />
            <source>Use Generate for this design.</source>
            <translation>Usa Generar para este diseño.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="196" />
            <source>class {n}</source>
            <translation>clase {n}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="203" />
            <source>→ &lt;b&gt;{name}&lt;/b&gt; ({p:.0%})</source>
            <translation>→ &lt;b&gt;{name}&lt;/b&gt; ({p:.0%})</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="206" />
            <source>target: {name}</source>
            <translation>objetivo: {name}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="216" />
            <source>prediction {value}</source>
            <translation>predicción {value}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="219" />
            <source>target {value}</source>
            <translation>objetivo {value}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="242" />
            <source>predicted tag under every word</source>
            <translation>etiqueta predicha bajo cada palabra</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="243" />
            <source>predicted tag under every word, target below: {right} of {n} right</source>
            <translation>etiqueta predicha bajo cada palabra, objetivo debajo: {right} de {n} correctas</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="253" />
            <source>prediction against target over t</source>
            <translation>predicción frente a objetivo a lo largo de t</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="255" />
            <source>MSE {mse:.4g}</source>
            <translation>MSE {mse:.4g}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="258" />
            <source>Showing the first of {n} values per step.</source>
            <translation>Se muestra el primero de los {n} valores por paso.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="281" />
            <source>No &lt;/s&gt; within {n} steps: the translation was cut there.</source>
            <translation>No hay &lt;/s&gt; en {n} pasos: la traducción se cortó ahí.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="283" />
            <source>→ &lt;b&gt;{text}&lt;/b&gt;</source>
            <translation>→ &lt;b&gt;{text}&lt;/b&gt;</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="288" />
            <source>target: {text} {mark}</source>
            <translation>objetivo: {text} {mark}</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="300" />
            <source>This design does not generate.</source>
            <translation>Este diseño no genera.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="309" />
            <source>Pick a start element: there are no validation examples to take one from.</source>
            <translation>Elige un elemento inicial: no hay ejemplos de validación de los que tomarlo.</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="324" />
            <source>{n} steps generated, {k:.1f} notes per step</source>
            <translation>{n} pasos generados, {k:.1f} notas por paso</translation>
        </message>
        <message>
            <location filename="../../app/tryit_run.py" line="334" />
            <location filename="../../app/tryit_run.py" line="338" />
            <source>{n} steps generated</source>
            <translation>{n} pasos generados</translation>
        </message>
    </context>
    <context>
        <name>SeriesPlot</name>
        <message>
            <location filename="../../app/tryit_views.py" line="102" />
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="102" />
            <source>time step t</source>
            <translation>paso de tiempo t</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="104" />
            <source>target</source>
            <translation>objetivo</translation>
        </message>
        <message>
            <location filename="../../app/tryit_views.py" line="105" />
            <source>prediction</source>
            <translation>predicción</translation>
        </message>
    </context>
    <context>
        <name>TrainingPanel</name>
        <message>
            <location filename="../../app/training_panel.py" line="192" />
            <source>Data</source>
            <translation>Datos</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="198" />
            <source>Check again</source>
            <translation>Comprobar de nuevo</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="199" />
            <source>Read the data again (after the file changed).</source>
            <translation>Vuelve a leer los datos (tras cambiar el archivo).</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="206" />
            <source>Check</source>
            <translation>Comprobación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="226" />
            <source>Train on</source>
            <translation>Entrenar en</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="228" />
            <source>Device</source>
            <translation>Dispositivo</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="270" />
            <source>Automatic</source>
            <translation>Automático</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="271" />
            <source>The first GPU when there is one, else the CPU.</source>
            <translation>La primera GPU si hay alguna; si no, la CPU.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="294" />
            <source>{device} — not on this machine</source>
            <translation>{device} — no disponible en esta máquina</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="357" />
            <source>Choose a built-in data set or a file to check the design against it.</source>
            <translation>Elige un conjunto de datos integrado o un archivo para comprobar el diseño con él.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="377" />
            <source>Checking the data set…</source>
            <translation>Comprobando el conjunto de datos…</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="392" />
            <source>The data set cannot be used:</source>
            <translation>No se puede usar el conjunto de datos:</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="396" />
            <source>Input: {text}</source>
            <translation>Entrada: {text}</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="397" />
            <source>Target: {text}</source>
            <translation>Objetivo: {text}</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="408" />
            <source>design</source>
            <translation>diseño</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="413" />
            <source>The design fits this data set.</source>
            <translation>El diseño encaja con este conjunto de datos.</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="61" />
            <source>Optimiser</source>
            <translation>Optimizador</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="62" />
            <source>Schedule</source>
            <translation>Planificación</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="64" />
            <source>Gradients</source>
            <translation>Gradientes</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="65" />
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="66" />
            <source>by norm</source>
            <translation>por norma</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="66" />
            <source>by value</source>
            <translation>por valor</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="67" />
            <source>off (full BPTT)</source>
            <translation>desactivado (BPTT completa)</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="67" />
            <source>never</source>
            <translation>nunca</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="68" />
            <source>off</source>
            <translation>desactivado</translation>
        </message>
        <message>
            <location filename="../../app/training_panel.py" line="211" />
            <source>Other</source>
            <translation>Otros</translation>
        </message>
    </context>
    <context>
        <name>TryItPanel</name>
        <message>
            <location filename="../../app/tryit.py" line="92" />
            <source>Sentence:</source>
            <translation>Frase:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="98" />
            <source>Validation example:</source>
            <translation>Ejemplo de validación:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="102" />
            <source>Start:</source>
            <translation>Inicio:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="104" />
            <source>Temperature:</source>
            <translation>Temperatura:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="110" />
            <source>Divides the logits before sampling: below 1 plays safe, above 1 takes risks.</source>
            <translation>Divide los logits antes del muestreo: por debajo de 1 es conservadora, por encima de 1 arriesga.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="111" />
            <source>Length:</source>
            <translation>Longitud:</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="115" />
            <source>Generate</source>
            <translation>Generar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="173" />
            <source>Try it</source>
            <translation>Pruébalo</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="179" />
            <source>Train the design (or pause its training) to try it here.</source>
            <translation>Entrena el diseño (o pausa su entrenamiento) para probarlo aquí.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="206" />
            <source>Type a sentence and press {button}.</source>
            <translation>Escribe una frase y pulsa {button}.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="209" />
            <source>This input cannot be typed, and there are no validation examples to pick from.</source>
            <translation>Esta entrada no se puede escribir y no hay ejemplos de validación entre los que elegir.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="236" />
            <source>Type a sentence first: the input is empty.</source>
            <translation>Escribe primero una frase: la entrada está vacía.</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="294" />
            <source>classification</source>
            <translation>clasificación</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="294" />
            <source>regression</source>
            <translation>regresión</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="295" />
            <source>generation</source>
            <translation>generación</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="295" />
            <source>translation</source>
            <translation>traducción</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="296" />
            <source>tagging</source>
            <translation>etiquetado</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="296" />
            <source>prediction at every step</source>
            <translation>predicción en cada paso</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="297" />
            <source>Try it: {shape} · {kind}</source>
            <translation>Pruébalo: {shape} · {kind}</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="299" />
            <source>Classify</source>
            <translation>Clasificar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="299" />
            <source>Translate</source>
            <translation>Traducir</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="300" />
            <source>Tag</source>
            <translation>Etiquetar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="301" />
            <source>Run</source>
            <translation>Ejecutar</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="307" />
            <source>Type a text: it is read character by character</source>
            <translation>Escribe un texto: se lee carácter a carácter</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="308" />
            <source>Type a sentence in the data set's words</source>
            <translation>Escribe una frase con las palabras del conjunto de datos</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="322" />
            <source>the learned start element</source>
            <translation>el elemento inicial aprendido</translation>
        </message>
        <message>
            <location filename="../../app/tryit.py" line="323" />
            <source>silence (no validation examples given)</source>
            <translation>silencio (no hay ejemplos de validación)</translation>
        </message>
    </context>
    <context>
        <name>UnrolledView</name>
        <message>
            <location filename="../../designer/unrolled.py" line="61" />
            <location filename="../../designer/unrolled.py" line="143" />
            <source>The same U, W and V at every step: the network is one set of weights applied through time.</source>
            <translation>Las mismas U, W y V en cada paso: la red es un único conjunto de pesos aplicado a través del tiempo.</translation>
        </message>
        <message>
            <location filename="../../designer/unrolled.py" line="66" />
            <source>Unrolled through</source>
            <translation>Desplegado a lo largo de</translation>
        </message>
    </context>
</TS>