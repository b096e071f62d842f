import type { SpineStrings } from './strings.js';
import { formatWait } from './wait.js';

const plural = new Intl.PluralRules('es');

export const es: SpineStrings = {
  locationLabel: 'Código postal (ZIP) o ciudad',
  locationHint: 'Por ejemplo 60614 o Chicago, IL',
  radiusLabel: 'Distancia',
  radiusOption: (distance) => `A menos de ${distance}`,
  searchButton: 'Buscar',
  searchRegionLabel: 'Buscar un profesional de atención primaria de la columna',

  searching: 'Buscando…',
  resultsSummary: (count, formattedCount, radius, place) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'profesional' : 'profesionales'} a menos de ${radius} de ${place}`,
  resultsPartial: (shown, total, formattedTotal, radius, place) =>
    `Se muestran los ${shown} más cercanos de ${formattedTotal} ${plural.select(total) === 'one' ? 'profesional' : 'profesionales'} a menos de ${radius} de ${place}`,
  resultsOpenEnded: (shown, formattedShown, radius, place) =>
    `${formattedShown} ${plural.select(shown) === 'one' ? 'profesional' : 'profesionales'} por ahora a menos de ${radius} de ${place}; hay más disponibles`,
  noResults: (radius, place) => `No se encontraron profesionales a menos de ${radius} de ${place}.`,
  staleResults: 'Estos resultados son de su búsqueda anterior.',
  droppedRecords: (count, formattedCount) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'registro no se pudo mostrar' : 'registros no se pudieron mostrar'} porque el directorio envió datos incompletos.`,
  retry: 'Reintentar',
  moreResults: 'Mostrar más profesionales',
  loadingMore: 'Cargando más profesionales…',
  distanceAwayApproximate: (distance) => `A unos ${distance} (desde el código postal)`,
  resultsHeading: 'Resultados',

  errorLocationEmpty: 'Escriba un código postal o una ciudad y estado.',
  errorLocationNotFound: (text) =>
    `No encontramos “${text}”. Pruebe con un código postal de 5 dígitos o una ciudad y estado, como Chicago, IL.`,
  errorLocationAmbiguous: (text, states, example) =>
    `“${text}” existe en más de un estado (${states}). Agregue el estado, por ejemplo “${example}”.`,
  errorGeoData: 'La búsqueda por ubicación no está disponible en este momento.',
  errorNetwork: 'No se pudo conectar con el directorio.',
  errorOffline: 'Parece que no tiene conexión a internet.',
  errorTimeout: 'El directorio tardó demasiado en responder.',
  errorHttp: (status) => `El directorio respondió con un error (${status}).`,
  errorBusy: (seconds) => `El directorio está ocupado. Vuelva a intentarlo en ${formatWait(seconds, 'es')}.`,
  errorInvalidResponse: 'El directorio envió una respuesta que no se pudo leer.',

  discipline: {
    chiropractic: 'Quiropráctica',
    'physical-therapy': 'Fisioterapia',
    osteopathic: 'Medicina osteopática',
    medical: 'Medicina',
    other: 'Otra atención de la columna',
  },
  distanceAway: (distance) => `a ${distance}`,
  acceptingNewPatients: 'Acepta pacientes nuevos',
  notAcceptingNewPatients: 'No acepta pacientes nuevos',
  telehealth: 'Ofrece telesalud',
  phone: 'Teléfono',
  fax: 'Fax',
  email: 'Correo electrónico',
  website: 'Sitio web',
  booking: 'Pedir una cita',
  languages: 'Idiomas',
  insurance: 'Seguros',
  showOnMap: 'Ver en el mapa',
  listSeparator: ', ',
  opensInNewTab: '(se abre en una pestaña nueva)',
  errorConfiguration: 'Este buscador no tiene un directorio configurado. Avise al responsable del sitio.',

  mapLabel: 'Mapa de profesionales',
  markerLabel: (name, distance) => `${name}, ${distance}`,
  siteLabel: (count, formattedCount, place, distance) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'profesional' : 'profesionales'} en ${place}, ${distance}`,
  clusterLabel: (count, formattedCount) =>
    `Grupo de ${formattedCount} ${plural.select(count) === 'one' ? 'profesional' : 'profesionales'}`,
  mapInstructions:
    'Mapa de profesionales: las flechas mueven el mapa, más y menos acercan y alejan, Tab llega a cada marcador',
  mapRole: 'mapa',
  panUp: 'Mover el mapa hacia arriba',
  panDown: 'Mover el mapa hacia abajo',
  panLeft: 'Mover el mapa a la izquierda',
  panRight: 'Mover el mapa a la derecha',
  zoomIn: 'Acercar',
  zoomOut: 'Alejar',
  closeList: 'Cerrar',
  skipMap: 'Saltar el mapa',
  afterMap: 'Fin del mapa',
  searchThisArea: 'Buscar en esta zona',
  mapArea: 'la zona del mapa',
  tilesFailed: 'No se pudo cargar parte del mapa, así que se muestra otro. Todos los resultados siguen en la lista.',
  viewSwitchLabel: 'Ver los resultados como',
  showList: 'Lista',
  showMap: 'Mapa',
  basemapLoading: 'Cargando el mapa…',

  // Finder: filters, location, empty states, compact layout
  filtersLabel: 'Filtros',
  disciplineLegend: 'Tipo de profesional',
  availabilityLegend: 'Disponibilidad',
  filterAccepting: 'Acepta pacientes nuevos',
  filterTelehealth: 'Ofrece telesalud',
  filterRegistry: 'Participa en el registro Spine IQ',
  filterLanguage: 'Idioma',
  filterInsurance: 'Seguro aceptado',
  filterName: 'Nombre o consultorio',
  sortLabel: 'Ordenar por',
  sortOrder: { distance: 'Más cercanos primero', name: 'Nombre', quality: 'Resultados en el dolor, mejores primero' },
  clearFilters: 'Quitar filtros',
  useMyLocation: 'Usar mi ubicación',
  locating: 'Buscando su ubicación…',
  yourLocation: 'su ubicación',
  errorGeolocationDenied:
    'No se compartió su ubicación, así que no podemos buscar cerca de usted. Escriba un código postal o una ciudad.',
  errorGeolocationUnavailable: 'No se pudo encontrar su ubicación. Escriba un código postal o una ciudad.',
  choosePlace: (text) => `¿A qué “${text}” se refiere?`,
  noResultsHelp: 'Puede:',
  widenRadius: (radius) => `Buscar a menos de ${radius}`,
  telehealthOption: 'Ver profesionales que ofrecen telesalud',
  seeAllNear: (place) => `Ver todos los profesionales cerca de ${place}`,

  // Provider card
  registryParticipant: 'Participa en el registro Spine IQ',
  referralAdd: 'Agregar a la hoja de referido',
  referralIncluded: 'En la hoja de referido',
  moreDetails: 'Más detalles',
  fewerDetails: 'Menos detalles',
  locationsHeading: (count) => (plural.select(count) === 'one' ? 'Ubicación' : 'Ubicaciones'),
  hours: 'Horario',
  dayRange: (first, last) => `${first}–${last}`,
  openingHours: (days, times) => `${days} ${times}`,
  directions: 'Cómo llegar',
  mapApps: { google: 'Google Maps', apple: 'Mapas de Apple', openstreetmap: 'OpenStreetMap' },
  qualityHeading: 'Resultados de los pacientes',
  qualityMeasureNames: {
    'pain-interference-improvement': 'Mejora importante en la interferencia del dolor',
    'function-improvement': 'Mejora importante en la función física',
  },
  qualityResult: (share, patients, formattedPatients, period) =>
    `${share} de ${formattedPatients} ${plural.select(patients) === 'one' ? 'paciente' : 'pacientes'}, ${period}`,
  qualityExplain: '¿Qué significa esto?',
  qualityExplanation:
    'Cada porcentaje es la parte de los pacientes de este profesional, atendidos en el período indicado, que ' +
    'tuvieron el resultado que aparece encima. El número de pacientes es la cantidad de personas en que se basa la ' +
    'cifra: cuantas menos son, más puede cambiar la cifra por casualidad.',
  qualityMeasureExplanations: {
    'pain-interference-improvement':
      'La interferencia del dolor es cuánto le impide el dolor hacer su vida diaria: trabajar, hacer las tareas de ' +
      'la casa, dormir, pasar tiempo con la familia y los amigos. Los pacientes responden el mismo cuestionario ' +
      'breve al comenzar la atención y otra vez más adelante. La mejora es importante cuando es lo bastante grande ' +
      'como para que los pacientes suelan notar la diferencia en su vida de todos los días.',
    'function-improvement':
      'La función física es la capacidad de hacer actividades físicas de todos los días, como caminar, subir ' +
      'escaleras, vestirse o cargar las compras. Los pacientes responden el mismo cuestionario breve al comenzar la ' +
      'atención y otra vez más adelante. La mejora es importante cuando es lo bastante grande como para que los ' +
      'pacientes suelan notar la diferencia en su vida de todos los días.',
  },
  qualityVaries:
    'Los resultados varían de una persona a otra. Dependen del problema de cada persona y de muchas cosas además ' +
    'del profesional, así que estas cifras no pueden garantizar cómo le irá a usted.',
  qualityNotReported:
    'Si un profesional no muestra resultados, es simplemente porque no ha informado ninguno. Eso no dice nada sobre ' +
    'la calidad de su atención.',

  // Referral sheet
  referralSheetTitle: 'Referido: profesionales de atención primaria de la columna',
  referralDateLabel: 'Fecha',
  referralLabelled: (label, value) => `${label}: ${value}`,
  referralAboutHeading: 'Qué hace un profesional de atención primaria de la columna',
  referralAbout:
    'Un profesional de atención primaria de la columna está capacitado para evaluar y tratar sin cirugía el dolor ' +
    'en la parte baja de la espalda y el dolor de cuello. Con frecuencia es el primer profesional que se consulta ' +
    'por estos problemas. La atención suele combinar ejercicio, terapia manual (tratamiento con las manos) y ' +
    'consejos para seguir con sus actividades y manejar el dolor. Si necesita pruebas u otro tipo de atención, le ' +
    'referirá a otro profesional.',
  referralContactsHeading: 'Datos de contacto',
  referralNotesHeading: 'Notas',
  referralTrayLabel: 'Hoja de referido',
  referralCount: (count, formattedCount) =>
    `${formattedCount} ${plural.select(count) === 'one' ? 'profesional' : 'profesionales'} en la hoja de referido`,
  referralPrint: 'Imprimir la hoja de referido',
  referralCopy: 'Copiar los datos',
  referralClear: 'Vaciar',
  referralCopied: 'Copiado al portapapeles.',
  referralCopyManual: 'No se pudo copiar automáticamente. Seleccione el texto de abajo y cópielo.',
  referralCopyTextLabel: 'Datos para copiar',
};
